using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>A handler registered with <see cref="HubClient.On{T}"/>.</summary>
internal interface IHubEventHandler
{
    void Invoke(JsonElement argument, JsonSerializerOptions options);
}
