using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>A server-to-client invocation kept for later <see cref="HubClient.WaitForAsync{T}"/> calls;
/// the argument is a clone because the receive buffer is reused.</summary>
internal readonly record struct ReceivedEvent(string Target, JsonElement Argument);
