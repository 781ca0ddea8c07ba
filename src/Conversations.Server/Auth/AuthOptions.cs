namespace Conversations.Server.Auth;

/// <summary>The <c>Auth</c> configuration section: session lifetimes and sign-in budgets.</summary>
public sealed class AuthOptions
{
    /// <summary>A session unused for this long ends; each request within it extends it.</summary>
    public TimeSpan SlidingExpiration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A session ends this long after its sign-in, however busy it is.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in attempts per client address and minute.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts per account (e-mail address) and minute, from any number of addresses.</summary>
    public int SignInPerAccountPerMinute { get; set; } = 10;
}
