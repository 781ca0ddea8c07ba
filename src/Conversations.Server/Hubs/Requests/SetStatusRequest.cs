namespace Conversations.Server.Hubs.Requests;

/// <summary>The console's <c>setStatus</c>; a string, so a wrong value gets an error naming the field.</summary>
public sealed record SetStatusRequest(string? Status);
