using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>Who wrote a message.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuthorKind>))]
[GenerateSerializer]
[Alias("Conversations.AuthorKind")]
public enum AuthorKind
{
    [JsonStringEnumMemberName("customer")]
    Customer,

    [JsonStringEnumMemberName("bot")]
    Bot,

    [JsonStringEnumMemberName("agent")]
    Agent,

    [JsonStringEnumMemberName("system")]
    System,
}
