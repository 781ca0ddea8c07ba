namespace Conversations.Contracts;

/// <summary>An assistant as administrators see it.</summary>
/// <param name="Id">Assistant id (from its definition).</param>
/// <param name="WorkspaceId">The tenant.</param>
/// <param name="Name">Display name.</param>
/// <param name="DraftYaml">The draft definition, always valid.</param>
/// <param name="Languages">The draft's languages.</param>
/// <param name="CurrentVersion">The version that answers customers; null while the assistant is a draft.</param>
/// <param name="Versions">Every published version, oldest first, without their definitions.</param>
/// <param name="UpdatedAt">Last change of the draft or of the published version.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.AssistantView")]
public sealed record AssistantView(
    string Id,
    string WorkspaceId,
    string Name,
    string DraftYaml,
    IReadOnlyList<string> Languages,
    int? CurrentVersion,
    IReadOnlyList<AssistantVersionInfo> Versions,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Draft until the first publish, active while a published version answers.</summary>
    public bool Active => CurrentVersion is not null;
}
