using System.Text.Json.Serialization;
using Conversations.Contracts;

namespace Conversations.Server.Floor;

/// <summary>An agent on the floor: <c>load</c> is active conversations over capacity (0 to 1).</summary>
public sealed record FloorAgent(
    string Id,
    string DisplayName,
    string? AvatarUrl,
    AgentRole Role,
    bool Licensed,
    AgentStatus Status,
    int ActiveConversations,
    int Capacity,
    double Load,
    DateTimeOffset? LastActivityAt,
    IReadOnlyList<string> Teams)
{
    /// <summary>The grain's view the row was built from; filters use it, clients never see it.</summary>
    [JsonIgnore]
    public AgentView View { get; init; } = null!;
}
