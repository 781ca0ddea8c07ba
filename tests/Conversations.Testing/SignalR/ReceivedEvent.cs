using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>A server-to-client invocation kept for later <see cref="HubClient.WaitForAsync{T}"/> calls.</summary>
internal readonly record struct ReceivedEvent(string Target, JsonElement Argument);
