namespace Conversations.Testing.SignalR;

/// <summary>The result type of invocations whose result is not read, so nothing is deserialized.</summary>
internal readonly record struct NoResult;
