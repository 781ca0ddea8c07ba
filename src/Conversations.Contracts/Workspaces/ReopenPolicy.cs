using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>What happens when a customer writes into a closed conversation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReopenPolicy>))]
[GenerateSerializer]
[Alias("Conversations.ReopenPolicy")]
public enum ReopenPolicy
{
    /// <summary>A new conversation starts (the default).</summary>
    [JsonStringEnumMemberName("newConversation")]
    NewConversation,

    /// <summary>The closed conversation reopens into the queue.</summary>
    [JsonStringEnumMemberName("reopen")]
    Reopen,
}
