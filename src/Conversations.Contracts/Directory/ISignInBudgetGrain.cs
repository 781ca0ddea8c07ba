namespace Conversations.Contracts;

/// <summary>The sign-in attempts of one account (key: the account key, the lower-case e-mail address) in a
/// fixed window, counted once for the whole cluster: every node asks the same activation, so guessing a
/// password through many nodes is no faster than through one.</summary>
public interface ISignInBudgetGrain : IGrainWithStringKey
{
    /// <summary>Takes one attempt out of <paramref name="limit"/> per <paramref name="window"/>; null when
    /// taken, else how long until the window ends.</summary>
    Task<TimeSpan?> TryTakeAsync(int limit, TimeSpan window);
}
