using Conversations.Actors;
using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Server.Api;
using Conversations.Server.Auth;
using Conversations.Server.Inbox;

namespace Conversations.Server.Contacts;

/// <summary><c>/api/contacts/{id}</c>: the console's side panel — the customer's variables, editable
/// custom fields and previous conversations. An agent sees a contact when it may see at least one of
/// the contact's conversations (same workspace, allowed on its site).</summary>
public static class ContactEndpoints
{
    private const int MaxFields = 50;
    private const int MaxKey = 64;
    private const int MaxValue = 1000;
    private const int MaxConversations = 50;

    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/contacts").RequireAuthorization(AuthPolicies.Agent);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}/fields", SetFieldsAsync);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IGrainFactory grains, IConversationIndex index)
    {
        var claims = CurrentAgent.Of(http);
        var visible = await VisibleAsync(id, claims, grains, index, http.RequestAborted);
        return visible is null ? NotFound(id) : Results.Ok(visible);
    }

    private static async Task<IResult> SetFieldsAsync(string id, ContactFieldsRequest? request, HttpContext http, IGrainFactory grains, IConversationIndex index)
    {
        var errors = new FieldErrors();
        var fields = request?.Fields;
        if (fields is null)
        {
            errors.Add("fields", "fields (an object of names to text values) is required.");
        }
        else if (fields.Count > MaxFields)
        {
            errors.Add("fields", $"fields may hold at most {MaxFields} entries.");
        }
        else
        {
            foreach (var (key, value) in fields)
            {
                if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKey || key.Any(char.IsControl))
                {
                    errors.Add("fields", $"field names must be 1 to {MaxKey} printable characters ('{Truncate(key)}' is not).");
                }
                else if (value is null || value.Length > MaxValue)
                {
                    errors.Add($"fields.{key}", $"the value of '{key}' must be text of at most {MaxValue} characters.");
                }
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var claims = CurrentAgent.Of(http);
        if (await VisibleAsync(id, claims, grains, index, http.RequestAborted) is null)
        {
            return NotFound(id);
        }

        var trimmed = fields!.ToDictionary(f => f.Key.Trim(), f => f.Value!.Trim(), StringComparer.Ordinal);
        await grains.GetGrain<IContactGrain>(id).UpdateAsync(new ContactProfileUpdate(CustomFields: trimmed));
        return Results.Ok(await VisibleAsync(id, claims, grains, index, http.RequestAborted));
    }

    private static async Task<ContactResponse?> VisibleAsync(string id, AgentClaims claims, IGrainFactory grains, IConversationIndex index, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 128)
        {
            return null;
        }

        var contact = await grains.GetGrain<IContactGrain>(id).GetAsync();
        if (contact.WorkspaceId != claims.WorkspaceId)
        {
            return null;
        }

        var agent = await grains.GetGrain<IAgentGrain>(claims.AgentId).GetAsync();
        var conversations = new List<ConversationSummary>();
        foreach (var conversationId in contact.ConversationIds.Reverse().Take(MaxConversations))
        {
            if (await index.GetAsync(conversationId, cancellationToken) is { } entry && entry.WorkspaceId == claims.WorkspaceId && agent.IsAllowedOn(entry.SiteId))
            {
                conversations.Add(SummaryMapper.ToSummary(entry, claims.AgentId, contact.Online));
            }
        }

        return conversations.Count == 0 && contact.ConversationIds.Count > 0
            ? null
            : new ContactResponse(contact.Id, contact.DisplayName, contact.Email, contact.Locale, contact.Online, contact.Variables, contact.CustomFields, conversations);
    }

    private static string Truncate(string? key) => key is null ? string.Empty : key.Length > 20 ? key[..20] + "…" : key;

    private static IResult NotFound(string id) => ApiProblems.NotFound($"Contact '{Truncate(id)}' does not exist.");
}
