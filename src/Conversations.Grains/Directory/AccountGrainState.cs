using Conversations.Contracts;

namespace Conversations.Grains.Directory;

/// <summary>The stored sign-in account.</summary>
public sealed class AccountGrainState
{
    /// <summary>The account; null when the address has none.</summary>
    public AccountView? Account { get; set; }
}
