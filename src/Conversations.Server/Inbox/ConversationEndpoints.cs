using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Server.Api;
using Conversations.Server.Auth;

namespace Conversations.Server.Inbox;

/// <summary>The console's lists, detail and history: <c>/api/conversations</c>.</summary>
public static class ConversationEndpoints
{
    private const int DefaultHistoryLimit = 50;
    private const int MaxHistoryLimit = 100;

    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/conversations").RequireAuthorization(AuthPolicies.Agent);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", DetailAsync);
        group.MapGet("/{id}/messages", MessagesAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains, IConversationIndex index)
    {
        var errors = new FieldErrors();
        var parameters = ConversationListParameters.Parse(http.Request.Query, errors);
        if (parameters is null)
        {
            return errors.ToProblem();
        }

        var claims = CurrentAgent.Of(http);
        var agent = await grains.GetGrain<IAgentGrain>(claims.AgentId).GetAsync();
        if (parameters.View == ConversationView.Bot && !agent.Profile.ShowBotConversations && !claims.IsSupervisor)
        {
            return ApiProblems.Forbidden("Conversations the assistant handles are not shown to this agent (showBotConversations is off).");
        }

        if (parameters.SiteId is { } siteId && !agent.IsAllowedOn(siteId))
        {
            return ApiProblems.Forbidden($"The agent is not allowed on site '{siteId}'.");
        }

        ConversationPage page;
        try
        {
            page = await index.QueryAsync(new ConversationQuery(
                claims.WorkspaceId,
                agent.Profile.AllowedSiteIds,
                claims.AgentId,
                parameters.View,
                parameters.Filter,
                parameters.SiteId,
                parameters.Search,
                parameters.Cursor,
                parameters.Limit),
                http.RequestAborted);
        }
        catch (FormatException)
        {
            var cursorErrors = new FieldErrors();
            cursorErrors.Add("cursor", "cursor is not one this server issued; pass nextCursor from the previous page.");
            return cursorErrors.ToProblem();
        }

        // Presence is not in the read model; open conversations' contacts are usually active grains, so
        // asking them is cheap, while closed lists show everyone offline rather than wake every contact.
        var online = parameters.View == ConversationView.Closed
            ? page.Items.Select(_ => false).ToArray()
            : await Task.WhenAll(page.Items.Select(async e => (await grains.GetGrain<IContactGrain>(e.ContactId).GetAsync()).Online));
        var items = page.Items.Select((entry, i) => SummaryMapper.ToSummary(entry, claims.AgentId, online[i])).ToList();
        return Results.Ok(new ConversationPageResponse(items, page.NextCursor));
    }

    private static async Task<IResult> DetailAsync(string id, HttpContext http, IGrainFactory grains, IConversationIndex index)
    {
        var claims = CurrentAgent.Of(http);
        if (!await InWorkspaceAsync(id, claims, index, http.RequestAborted))
        {
            return NotFound(id);
        }

        var details = await grains.GetGrain<IConversationGrain>(id).GetDetailsAsync(claims.AgentId);
        var summary = details.Summary;
        var contact = await grains.GetGrain<IContactGrain>(summary.Contact.Id).GetAsync();

        // The conversation's own variables (captured by the bot) win over the contact's older ones.
        var variables = new Dictionary<string, string>(contact.Variables);
        foreach (var (key, value) in details.Variables)
        {
            variables[key] = value;
        }

        var participants = await Task.WhenAll(details.ParticipantAgentIds.Select(async agentId =>
        {
            var profile = (await grains.GetGrain<IAgentGrain>(agentId).GetAsync()).Profile;
            return new ParticipantView(agentId, profile.DisplayName, profile.AvatarUrl);
        }));
        return Results.Ok(new ConversationDetailResponse(
            summary.Id,
            summary.SiteId,
            summary.ChannelId,
            summary.Status,
            summary.AssignedAgent,
            new ContactDetail(summary.Contact.Id, summary.Contact.DisplayName, summary.Contact.Online, variables),
            summary.LastMessage,
            summary.Unread,
            summary.Unanswered,
            summary.WaitingSince,
            summary.Monitored,
            participants,
            details.WatcherAgentIds,
            details.TeamId,
            details.Rating,
            details.LastSeq,
            details.Tags ?? [],
            details.Priority));
    }

    private static async Task<IResult> MessagesAsync(string id, HttpContext http, IGrainFactory grains, IConversationIndex index)
    {
        var errors = new FieldErrors();
        var query = http.Request.Query;
        var limit = ConversationListParameters.ReadLimit(query, "limit", DefaultHistoryLimit, MaxHistoryLimit, errors);
        long? beforeSeq = null;
        if (ConversationListParameters.Text(query, "beforeSeq") is { } beforeText)
        {
            if (long.TryParse(beforeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var before) && before >= 1)
            {
                beforeSeq = before;
            }
            else
            {
                errors.Add("beforeSeq", "beforeSeq must be a whole number of at least 1.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var claims = CurrentAgent.Of(http);
        if (!await InWorkspaceAsync(id, claims, index, http.RequestAborted))
        {
            return NotFound(id);
        }

        return Results.Ok(await grains.GetGrain<IConversationGrain>(id).AgentHistoryAsync(claims.AgentId, beforeSeq, limit));
    }

    // The read model answers "whose is it" without waking a grain for made-up ids, and a conversation of
    // another workspace is reported exactly like an unknown one.
    private static async Task<bool> InWorkspaceAsync(string id, AgentClaims claims, IConversationIndex index, CancellationToken cancellationToken) =>
        id.Length <= 128 && await index.GetAsync(id, cancellationToken) is { } entry && entry.WorkspaceId == claims.WorkspaceId;

    private static IResult NotFound(string id) => ApiProblems.NotFound($"Conversation '{id}' does not exist.");
}
