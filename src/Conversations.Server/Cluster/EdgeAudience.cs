using System.Threading.Channels;

namespace Conversations.Server.Cluster;

/// <summary>Counts, per <see cref="AudienceKeys">key</see>, the connections of this silo following it, and
/// announces the followed keys to the <see cref="IEdgeEventService"/> of every other active silo: a new key in
/// a batch that followers await, a key nobody followed for <see cref="Linger"/> as removed, the whole set to a
/// silo that joined or missed an announcement. One loop sends every announcement, so those to one silo never
/// overtake each other. With no other silo, following costs a dictionary update and no wait.</summary>
public sealed partial class EdgeAudience(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IEdgeEventServiceClient services,
    ILogger<EdgeAudience> logger) : BackgroundService, IEdgeAudience
{
    /// <summary>How long a key stays announced without followers: a client that reconnects to the same node
    /// finds it still there, and a flapping connection does not cost an announcement each time.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromSeconds(30);

    // A silo that does not answer within this is told the whole set again on the next tick: followers
    // should not wait on a silo that is dying until membership declares it dead.
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    // The connection id under which the silo itself holds keys (never a SignalR connection id).
    private const string HeldBySilo = "\0silo";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _followers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _idleSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _announcing = new(StringComparer.Ordinal);
    private readonly List<string> _pending = [];
    // Other active silos, and whether each holds this silo's whole set.
    private readonly Dictionary<SiloAddress, bool> _destinations = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TaskCompletionSource _next = NewAnnouncement();
    private long _number;
    private bool _stopped;

    public Task FollowAsync(string connectionId, IReadOnlyList<string> keys)
    {
        List<Task>? waits = null;
        lock (_gate)
        {
            if (!_byConnection.TryGetValue(connectionId, out var followed))
            {
                _byConnection[connectionId] = followed = new(StringComparer.Ordinal);
            }

            foreach (var key in keys)
            {
                if (!followed.Add(key))
                {
                    continue;
                }

                _followers[key] = _followers.GetValueOrDefault(key) + 1;
                _idleSince.Remove(key);
                if (Announce(key) is { } wait)
                {
                    (waits ??= []).Add(wait);
                }
            }
        }

        if (waits is null)
        {
            return Task.CompletedTask;
        }

        _wake.Writer.TryWrite(true);
        return Task.WhenAll(waits.Distinct());
    }

    public Task HoldAsync(string key) => FollowAsync(HeldBySilo, [key]);

    public void Unfollow(string connectionId, string key)
    {
        lock (_gate)
        {
            if (_byConnection.TryGetValue(connectionId, out var followed) && followed.Remove(key))
            {
                Release(key);
            }
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            if (_byConnection.Remove(connectionId, out var followed))
            {
                foreach (var key in followed)
                {
                    Release(key);
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A wake-up or the next tick, whichever comes first. The tick was a timeout token, cancelled every
            // 250 ms: four OperationCanceledExceptions a second on every silo, in the exceptions operators watch.
            Task<bool>? woken = null;
            while (!stoppingToken.IsCancellationRequested)
            {
                woken ??= _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
                if (await Task.WhenAny(woken, Task.Delay(Tick, stoppingToken)) == woken)
                {
                    _wake.Reader.TryRead(out _);
                    woken = null;
                }

                stoppingToken.ThrowIfCancellationRequested();
                await AnnounceOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _stopped = true;
                _next.TrySetResult();
            }
        }
    }

    // Under the gate. The task to await before the key's events reach this silo, or null when they already do.
    private Task? Announce(string key)
    {
        if (_announced.Contains(key))
        {
            return null;
        }

        if (_announcing.TryGetValue(key, out var inFlight))
        {
            return inFlight;
        }

        if (_destinations.Count == 0 || _stopped)
        {
            // Nobody to tell now; a silo that joins later gets the whole set, this key included.
            _announced.Add(key);
            return null;
        }

        _pending.Add(key);
        _announcing[key] = _next.Task;
        return _next.Task;
    }

    // Under the gate.
    private void Release(string key)
    {
        var left = _followers.GetValueOrDefault(key) - 1;
        if (left > 0)
        {
            _followers[key] = left;
            return;
        }

        _followers.Remove(key);
        _idleSince[key] = Environment.TickCount64;
    }

    private async Task AnnounceOnceAsync(CancellationToken stoppingToken)
    {
        var active = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(localSilo.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToHashSet();
        List<(SiloAddress Silo, AudienceAnnouncement Announcement)> sends = [];
        string[] added;
        TaskCompletionSource announced;
        lock (_gate)
        {
            foreach (var gone in _destinations.Keys.Where(s => !active.Contains(s)).ToList())
            {
                _destinations.Remove(gone);
            }

            foreach (var joined in active.Where(s => !_destinations.ContainsKey(s)))
            {
                _destinations[joined] = false;
            }

            var removed = ExpiredKeys();
            added = [.. _pending];
            _pending.Clear();
            announced = _next;
            _next = NewAnnouncement();
            var number = ++_number;
            AudienceAnnouncement? full = null;
            foreach (var (silo, synced) in _destinations)
            {
                if (!synced)
                {
                    full ??= new AudienceAnnouncement(localSilo.SiloAddress, number, true, [.. _announced, .. added], []);
                    sends.Add((silo, full));
                }
                else if (added.Length > 0 || removed.Length > 0)
                {
                    sends.Add((silo, new AudienceAnnouncement(localSilo.SiloAddress, number, false, added, removed)));
                }
            }
        }

        var answered = await Task.WhenAll(sends.Select(s => SendAsync(s.Silo, s.Announcement, stoppingToken)));
        lock (_gate)
        {
            for (var i = 0; i < sends.Count; i++)
            {
                if (_destinations.ContainsKey(sends[i].Silo))
                {
                    _destinations[sends[i].Silo] = answered[i];
                }
            }

            foreach (var key in added)
            {
                _announced.Add(key);
                _announcing.Remove(key);
            }
        }

        announced.TrySetResult();
    }

    // Under the gate: keys without followers for Linger stop being announced.
    private string[] ExpiredKeys()
    {
        var now = Environment.TickCount64;
        var expired = _idleSince
            .Where(i => now - i.Value >= (long)Linger.TotalMilliseconds && !_announcing.ContainsKey(i.Key))
            .Select(i => i.Key)
            .ToArray();
        foreach (var key in expired)
        {
            _idleSince.Remove(key);
            _announced.Remove(key);
        }

        return expired;
    }

    private async Task<bool> SendAsync(SiloAddress silo, AudienceAnnouncement announcement, CancellationToken stoppingToken)
    {
        var call = services.On(silo).AnnounceAsync(announcement);
        try
        {
            await call.WaitAsync(AnswerWithin, stoppingToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A call that timed out may still fail later: observe it so it is not reported as unobserved.
            _ = call.ContinueWith(static c => _ = c.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            LogAnnounceFailed(e, silo);
            return false;
        }
    }

    private static TaskCompletionSource NewAnnouncement() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} did not take this silo's audience announcement; it gets the whole set again")]
    private partial void LogAnnounceFailed(Exception exception, SiloAddress silo);
}
