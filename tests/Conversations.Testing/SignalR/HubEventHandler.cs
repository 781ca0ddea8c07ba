using System.Text.Json;

namespace Conversations.Testing.SignalR;

internal sealed class HubEventHandler<T>(Action<T> handler) : IHubEventHandler
{
    public void Invoke(JsonElement argument, JsonSerializerOptions options) => handler(HubJson.Read<T>(argument, options)!);
}
