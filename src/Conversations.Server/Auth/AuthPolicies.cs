namespace Conversations.Server.Auth;

/// <summary>Authorization policy names.</summary>
public static class AuthPolicies
{
    /// <summary>Any signed-in agent.</summary>
    public const string Agent = "agent";

    /// <summary>Supervisors, botmasters and admins.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Admins.</summary>
    public const string Admin = "admin";

    /// <summary>Admins and botmasters: the assistants and the knowledge base.</summary>
    public const string Botmaster = "botmaster";

    /// <summary>The rate-limiter policy of sign-in, per client address.</summary>
    public const string SignInRateLimit = "sign-in";
}
