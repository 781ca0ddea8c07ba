using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>Why an agent is notified.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
[GenerateSerializer]
[Alias("Conversations.NotificationKind")]
public enum NotificationKind
{
    /// <summary>A conversation entered the queue.</summary>
    [JsonStringEnumMemberName("handoff")]
    Handoff,

    /// <summary>A conversation was assigned to the agent.</summary>
    [JsonStringEnumMemberName("assigned")]
    Assigned,

    /// <summary>A customer wrote in the agent's conversation.</summary>
    [JsonStringEnumMemberName("message")]
    Message,
}
