namespace Conversations.Server.Auth;

/// <summary>A site the signed-in agent works on, as the console's site tabs need it.</summary>
public sealed record MySiteResponse(string Id, string Name);
