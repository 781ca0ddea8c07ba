using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>The stored sign-in account.</summary>
public sealed class AccountGrainState
{
    /// <summary>The account; null when the address has none.</summary>
    public AccountView? Account { get; set; }

    /// <summary>The session version: cookies carrying another one are refused. Null for accounts stored
    /// before stamps existed, until their next sign-in issues one.</summary>
    public string? SecurityStamp { get; set; }
}
