using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>How closely a conversation is monitored, orthogonal to its status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MonitoringMode>))]
[GenerateSerializer]
[Alias("Conversations.MonitoringMode")]
public enum MonitoringMode
{
    [JsonStringEnumMemberName("none")]
    None,

    [JsonStringEnumMemberName("weak")]
    Weak,

    [JsonStringEnumMemberName("strong")]
    Strong,
}
