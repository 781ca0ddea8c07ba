using Conversations.Contracts;

namespace Conversations.Server.Hubs.FanOut;

/// <summary>The summary rows waiting to go to consoles, in two stages. First each conversation's latest row
/// waits out <see cref="Window"/> from its first change; then it goes to the agents with their own unread
/// count at once, and its copy for the rest of the site waits in that site's queue, which lets out at most
/// <see cref="SiteRowsPerSecond"/> rows a second, a row whose status or agent changed before one that only
/// has a newer last message. A busy site's row costs one send per agent of the site: at a thousand live
/// conversations and fifty agents, a row per conversation per second would be fifty thousand sends a
/// second, more than the messages themselves, for lists nobody can read at that pace. A site below the
/// budget sees no difference. Not thread-safe: the fan-out's single reader owns it.</summary>
public sealed class SummaryRows(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>Rows a second each console of a site gets, beyond its own conversations' rows: more than a
    /// list of a screen's height can show changing, and at fifty agents a thousand sends a second.</summary>
    public const int SiteRowsPerSecond = 20;

    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<(string WorkspaceId, string SiteId), SiteQueue> _sites = [];

    // What each conversation's last site row said of its status and agent, to tell changes from new messages.
    private readonly Dictionary<string, (ConversationStatus Status, string? AgentId)> _sentToSite = new(StringComparer.Ordinal);

    public void Add(ConversationSummaryChanged changed)
    {
        var id = changed.Summary.Id;
        var dueAt = _pending.TryGetValue(id, out var pending) ? pending.DueAt : clock.GetTimestamp() + Ticks(Window);
        _pending[id] = new Pending(changed, dueAt);
    }

    /// <summary>Up to <paramref name="max"/> rows whose window is over, for their agents' own rows; each one's
    /// site copy joins its site's queue.</summary>
    public IReadOnlyList<ConversationSummaryChanged> TakeDue(int max)
    {
        var now = clock.GetTimestamp();
        var due = _pending.Where(p => p.Value.DueAt <= now).Take(max).Select(p => p.Value.Changed).ToList();
        foreach (var changed in due)
        {
            _pending.Remove(changed.Summary.Id);
            var key = (changed.WorkspaceId, changed.Summary.SiteId);
            if (!_sites.TryGetValue(key, out var site))
            {
                site = new SiteQueue(now);
                _sites[key] = site;
            }

            site.Add(changed, IsChange(changed.Summary));
        }

        return due;
    }

    /// <summary>The site rows the sites' budgets let out now.</summary>
    public IReadOnlyList<ConversationSummaryChanged> TakeSiteRows()
    {
        var now = clock.GetTimestamp();
        var rows = new List<ConversationSummaryChanged>();
        foreach (var (key, site) in _sites)
        {
            site.Take(now, Ticks(TimeSpan.FromSeconds(1)), rows);
            if (site.IsEmpty)
            {
                _sites.Remove(key);
            }
        }

        foreach (var row in rows)
        {
            var summary = row.Summary;
            if (summary.Status == ConversationStatus.Closed)
            {
                _sentToSite.Remove(summary.Id);
            }
            else
            {
                _sentToSite[summary.Id] = (summary.Status, summary.AssignedAgent?.Id);
            }
        }

        return rows;
    }

    private bool IsChange(ConversationSummary summary) =>
        !_sentToSite.TryGetValue(summary.Id, out var sent) || sent.Status != summary.Status || sent.AgentId != summary.AssignedAgent?.Id;

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);

    private readonly record struct Pending(ConversationSummaryChanged Changed, long DueAt);

    /// <summary>One site's rows waiting for its budget: changes first, then the rest, each in the order its
    /// conversation first queued; a newer row of a queued conversation takes the older one's place.</summary>
    private sealed class SiteQueue(long now)
    {
        private readonly Dictionary<string, ConversationSummaryChanged> _changes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ConversationSummaryChanged> _updates = new(StringComparer.Ordinal);
        private readonly Queue<string> _changeOrder = new();
        private readonly Queue<string> _updateOrder = new();
        private double _tokens = SiteRowsPerSecond;
        private long _refilledAt = now;

        public bool IsEmpty => _changes.Count == 0 && _updates.Count == 0;

        public void Add(ConversationSummaryChanged changed, bool isChange)
        {
            var id = changed.Summary.Id;
            if (isChange || _changes.ContainsKey(id))
            {
                // A change still waiting keeps its place, whatever rows follow it.
                if (_changes.TryAdd(id, changed))
                {
                    _changeOrder.Enqueue(id);
                }
                else
                {
                    _changes[id] = changed;
                }

                _updates.Remove(id);
            }
            else if (_updates.TryAdd(id, changed))
            {
                _updateOrder.Enqueue(id);
            }
            else
            {
                _updates[id] = changed;
            }
        }

        public void Take(long now, long ticksPerSecond, List<ConversationSummaryChanged> rows)
        {
            _tokens = Math.Min(SiteRowsPerSecond, _tokens + ((now - _refilledAt) * (double)SiteRowsPerSecond / ticksPerSecond));
            _refilledAt = now;
            while (_tokens >= 1 && (Dequeue(_changes, _changeOrder) ?? Dequeue(_updates, _updateOrder)) is { } row)
            {
                rows.Add(row);
                _tokens--;
            }
        }

        // Ids whose row moved to the other queue (or left) are skipped.
        private static ConversationSummaryChanged? Dequeue(Dictionary<string, ConversationSummaryChanged> rows, Queue<string> order)
        {
            while (order.TryDequeue(out var id))
            {
                if (rows.Remove(id, out var row))
                {
                    return row;
                }
            }

            return null;
        }
    }
}
