using Conversations.Contracts;
using Conversations.Server.Hubs.Requests;

namespace Conversations.Server.Hubs.Widget;

/// <summary>Checks the composite arguments of the widget (and the console's attachments).</summary>
public sealed class WidgetArguments(IServiceProvider services)
{
    private const int MaxVariables = 50;

    public static Dictionary<string, string>? Variables(Dictionary<string, string>? variables)
    {
        if (variables is null)
        {
            return null;
        }

        if (variables.Count > MaxVariables)
        {
            throw HubArguments.Invalid("variables", $"has more than {MaxVariables} entries.");
        }

        foreach (var (key, value) in variables)
        {
            HubArguments.Id(key, "variables key");
            HubArguments.Max(value ?? throw HubArguments.Invalid($"variables.{key}", "is null."), $"variables.{key}", HubArguments.MaxText);
        }

        return variables;
    }

    /// <summary>The identity to verify; the contact grain checks the hash against the site's secret.</summary>
    public static VerifiedIdentity? Identity(IdentityArgument? identity)
    {
        if (identity is null)
        {
            return null;
        }

        var userId = HubArguments.Id(identity.UserId, "identity.userId");
        var hash = string.IsNullOrWhiteSpace(identity.Hash)
            ? throw HubArguments.Invalid("identity.hash", "is required with an identity.")
            : HubArguments.Max(identity.Hash, "identity.hash", HubArguments.MaxId);
        var email = identity.Email is null ? null : HubArguments.Max(identity.Email, "identity.email", HubArguments.MaxName);
        var name = identity.Name is null ? null : HubArguments.Max(identity.Name, "identity.name", HubArguments.MaxName);
        return new VerifiedIdentity(userId, hash, email, name);
    }

    /// <summary>The uploaded attachment named by <paramref name="attachmentId"/>; one of text and attachment is required.</summary>
    public async Task<Attachment?> AttachmentAsync(string workspaceId, string? attachmentId, string? text, CancellationToken cancellationToken)
    {
        var id = HubArguments.OptionalId(attachmentId, "attachmentId");
        if (id is null)
        {
            return string.IsNullOrWhiteSpace(text) ? throw HubArguments.Invalid("text", "is required when there is no attachmentId.") : null;
        }

        var resolver = services.GetService<IAttachmentResolver>()
            ?? throw HubArguments.Invalid("attachmentId", "cannot be used: this server has no uploads.");
        return await resolver.FindAsync(workspaceId, id, cancellationToken)
            ?? throw HubArguments.Invalid("attachmentId", $"'{id}' is not an upload of this workspace.");
    }
}
