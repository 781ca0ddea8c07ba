namespace Conversations.Testing.Tests.SignalR;

public sealed record EchoRequest(string Text, int Delay = 0);
