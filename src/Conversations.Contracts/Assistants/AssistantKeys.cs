namespace Conversations.Contracts;

/// <summary>Keys of <see cref="IAssistantGrain"/>: assistants belong to a workspace, so two workspaces may each
/// have an assistant called <c>support</c>.</summary>
public static class AssistantKeys
{
    /// <summary>The reserved id of the default response (a greeting, then the queue) of a site or channel
    /// whose assistant was disconnected; no assistant may take it.</summary>
    public const string DefaultResponse = "default";

    public static string Of(string workspaceId, string assistantId) => $"{workspaceId}/{assistantId}";
}
