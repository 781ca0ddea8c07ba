using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>What a message is. Notes never reach a customer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageKind>))]
[GenerateSerializer]
[Alias("Conversations.MessageKind")]
public enum MessageKind
{
    [JsonStringEnumMemberName("text")]
    Text,

    [JsonStringEnumMemberName("image")]
    Image,

    [JsonStringEnumMemberName("choice")]
    Choice,

    [JsonStringEnumMemberName("system")]
    System,

    [JsonStringEnumMemberName("note")]
    Note,
}
