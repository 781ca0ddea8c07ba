using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>An agent's availability; only online agents are assigned conversations.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentStatus>))]
[GenerateSerializer]
[Alias("Conversations.AgentStatus")]
public enum AgentStatus
{
    [JsonStringEnumMemberName("offline")]
    Offline,

    [JsonStringEnumMemberName("online")]
    Online,

    [JsonStringEnumMemberName("away")]
    Away,
}
