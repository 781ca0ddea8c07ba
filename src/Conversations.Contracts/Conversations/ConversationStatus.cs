using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>The handoff state of a conversation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationStatus>))]
[GenerateSerializer]
[Alias("Conversations.ConversationStatus")]
public enum ConversationStatus
{
    /// <summary>An assistant handles it.</summary>
    [JsonStringEnumMemberName("bot")]
    Bot,

    /// <summary>In the queue for a human.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>An agent handles it.</summary>
    [JsonStringEnumMemberName("live")]
    Live,

    /// <summary>Closed.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}
