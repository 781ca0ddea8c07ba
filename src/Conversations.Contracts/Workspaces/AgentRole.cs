using System.Text.Json.Serialization;

namespace Conversations.Contracts;

/// <summary>What an agent may do beyond handling its own conversations.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentRole>))]
[GenerateSerializer]
[Alias("Conversations.AgentRole")]
public enum AgentRole
{
    /// <summary>Handles conversations.</summary>
    [JsonStringEnumMemberName("agent")]
    Agent,

    /// <summary>Also assigns, transfers and monitors others' conversations.</summary>
    [JsonStringEnumMemberName("supervisor")]
    Supervisor,

    /// <summary>Also administers the workspace.</summary>
    [JsonStringEnumMemberName("admin")]
    Admin,

    /// <summary>A supervisor who also trains and publishes the assistants and edits the knowledge base.</summary>
    [JsonStringEnumMemberName("botmaster")]
    Botmaster,
}
