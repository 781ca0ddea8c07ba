namespace Conversations.Server.Abuse;

/// <summary>The <c>Abuse</c> section: budgets for anonymous visitors (per client address, per site, per
/// visitor) and for console connections, sized so a busy contact centre never meets them and a script does.
/// Rates are per <see cref="Window"/>.</summary>
public sealed class AbuseOptions
{
    /// <summary>The window the per-window budgets below count over.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Widget connections open at once from one client address (a shared office NAT included).</summary>
    public int WidgetConnectionsPerAddress { get; set; } = 100;

    /// <summary>Console connections open at once for one agent (tabs and devices).</summary>
    public int ConsoleConnectionsPerAgent { get; set; } = 20;

    /// <summary><c>start</c> calls per window from one client address.</summary>
    public int StartsPerAddress { get; set; } = 60;

    /// <summary><c>start</c> calls per window on one site, from all addresses together.</summary>
    public int StartsPerSite { get; set; } = 6_000;

    /// <summary><c>requestAgent</c> calls per window from one client address.</summary>
    public int RequestAgentPerAddress { get; set; } = 30;

    /// <summary>Uploads per window from one client address.</summary>
    public int UploadsPerAddress { get; set; } = 60;

    /// <summary>Uploads per window by one visitor or agent.</summary>
    public int UploadsPerUploader { get; set; } = 20;

    /// <summary>Upload bytes per window from one client address.</summary>
    public long UploadBytesPerAddress { get; set; } = 100L * 1024 * 1024;

    /// <summary>Upload bytes per window by one visitor or agent.</summary>
    public long UploadBytesPerUploader { get; set; } = 25L * 1024 * 1024;
}
