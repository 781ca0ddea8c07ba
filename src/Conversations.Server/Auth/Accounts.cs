namespace Conversations.Server.Auth;

/// <summary>Account keys: one normalized form per address, so "Agent1@Demo.test" and "agent1@demo.test"
/// are one account.</summary>
public static class Accounts
{
    public static string Key(string email) => email.Trim().ToLowerInvariant();
}
