namespace Conversations.Testing.SignalR;

/// <summary>The hub protocol a <see cref="HubClient"/> speaks; both hubs accept either (CONTRACT.md).</summary>
public enum HubClientProtocol
{
    /// <summary>The JSON hub protocol, SignalR's default.</summary>
    Json,

    /// <summary>The MessagePack hub protocol, with the server's payload shapes (camelCase keys, enum strings).</summary>
    MessagePack,
}
