using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Abuse;

/// <summary>The partitioned limiters behind every budget of <see cref="AbuseOptions"/>: fixed windows for
/// rates (upload bytes are permits of a window), concurrency limiters for open connections. A refusal
/// carries the time to wait, for <c>Retry-After</c>.</summary>
public sealed class AbuseBudgets : IDisposable
{
    private readonly PartitionedRateLimiter<string> _widgetConnections;
    private readonly PartitionedRateLimiter<string> _consoleConnections;
    private readonly PartitionedRateLimiter<string> _startsPerAddress;
    private readonly PartitionedRateLimiter<string> _startsPerSite;
    private readonly PartitionedRateLimiter<string> _requestAgent;
    private readonly PartitionedRateLimiter<string> _uploadsPerAddress;
    private readonly PartitionedRateLimiter<string> _uploadsPerUploader;
    private readonly PartitionedRateLimiter<string> _uploadBytesPerAddress;
    private readonly PartitionedRateLimiter<string> _uploadBytesPerUploader;
    private readonly int _uploadBytesPerAddressLimit;
    private readonly int _uploadBytesPerUploaderLimit;

    public AbuseBudgets(IOptions<AbuseOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _widgetConnections = Concurrent(o.WidgetConnectionsPerAddress);
        _consoleConnections = Concurrent(o.ConsoleConnectionsPerAgent);
        _startsPerAddress = Windowed(o.StartsPerAddress, o.Window);
        _startsPerSite = Windowed(o.StartsPerSite, o.Window);
        _requestAgent = Windowed(o.RequestAgentPerAddress, o.Window);
        _uploadsPerAddress = Windowed(o.UploadsPerAddress, o.Window);
        _uploadsPerUploader = Windowed(o.UploadsPerUploader, o.Window);
        _uploadBytesPerAddressLimit = (int)Math.Clamp(o.UploadBytesPerAddress, 1, int.MaxValue);
        _uploadBytesPerUploaderLimit = (int)Math.Clamp(o.UploadBytesPerUploader, 1, int.MaxValue);
        _uploadBytesPerAddress = Windowed(_uploadBytesPerAddressLimit, o.Window);
        _uploadBytesPerUploader = Windowed(_uploadBytesPerUploaderLimit, o.Window);
    }

    /// <summary>A lease for one widget connection from <paramref name="address"/>, held until it closes; null when over budget.</summary>
    public RateLimitLease? WidgetConnection(string address) => Held(_widgetConnections, address);

    /// <summary>A lease for one console connection of <paramref name="agentId"/>; null when over budget.</summary>
    public RateLimitLease? ConsoleConnection(string agentId) => Held(_consoleConnections, agentId);

    /// <summary>Why a <c>start</c> is refused, or null when within both budgets.</summary>
    public AbuseRefusal? Start(string address, string siteId) =>
        Take(_startsPerAddress, address, 1, "start calls from this address")
        ?? Take(_startsPerSite, siteId, 1, $"start calls on site '{siteId}'");

    /// <summary>Why a <c>requestAgent</c> is refused, or null.</summary>
    public AbuseRefusal? RequestAgent(string address) => Take(_requestAgent, address, 1, "requestAgent calls from this address");

    /// <summary>Why an upload of <paramref name="bytes"/> is refused, or null.</summary>
    public AbuseRefusal? Upload(string address, string uploader, long bytes) =>
        Take(_uploadsPerAddress, address, 1, "uploads from this address")
        ?? Take(_uploadsPerUploader, uploader, 1, "uploads by this uploader")
        ?? Take(_uploadBytesPerAddress, address, Permits(bytes, _uploadBytesPerAddressLimit), "upload bytes from this address")
        ?? Take(_uploadBytesPerUploader, uploader, Permits(bytes, _uploadBytesPerUploaderLimit), "upload bytes by this uploader");

    public void Dispose()
    {
        foreach (var limiter in new[] { _widgetConnections, _consoleConnections, _startsPerAddress, _startsPerSite, _requestAgent, _uploadsPerAddress, _uploadsPerUploader, _uploadBytesPerAddress, _uploadBytesPerUploader })
        {
            limiter.Dispose();
        }
    }

    // A window cannot grant more permits than its limit: a body larger than the whole budget takes all of it.
    private static int Permits(long bytes, int limit) => (int)Math.Clamp(bytes, 1, limit);

    private static RateLimitLease? Held(PartitionedRateLimiter<string> limiter, string key)
    {
        var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    private static AbuseRefusal? Take(PartitionedRateLimiter<string> limiter, string key, int permits, string what)
    {
        using var lease = limiter.AttemptAcquire(key, permits);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return new AbuseRefusal(string.Create(CultureInfo.InvariantCulture, $"too many {what}; retry after {seconds} s."), seconds);
    }

    private static PartitionedRateLimiter<string> Concurrent(int limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            QueueLimit = 0,
        }));

    private static PartitionedRateLimiter<string> Windowed(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
