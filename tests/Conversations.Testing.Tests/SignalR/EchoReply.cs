namespace Conversations.Testing.Tests.SignalR;

public sealed record EchoReply(string Text, string ConnectionId);
