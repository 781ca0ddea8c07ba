using System.Collections.Concurrent;

namespace Conversations.Server.Cluster;

/// <summary>What the connections of every other silo follow, as each silo announced it
/// (<see cref="EdgeAudience"/>): the forwarder sends a silo only the events it has an audience for. A silo
/// not heard from yet gets everything, so a silo that has just joined misses nothing before its first
/// announcement arrives.</summary>
public sealed class RemoteAudiences
{
    private readonly ConcurrentDictionary<SiloAddress, Announced> _silos = new();

    /// <summary>Applies an announcement of <paramref name="origin"/>. Announcements of one silo carry a rising
    /// number; a late one (a retried announcement overtook it) is ignored, since every retry is a full set.</summary>
    public void Apply(SiloAddress origin, long number, bool full, IReadOnlyCollection<string> added, IReadOnlyCollection<string> removed)
    {
        var announced = _silos.GetOrAdd(origin, _ => new Announced());
        lock (announced)
        {
            if (number <= announced.Number)
            {
                return;
            }

            announced.Number = number;
            if (full)
            {
                announced.Keys.Clear();
            }

            announced.Keys.UnionWith(added);
            announced.Keys.ExceptWith(removed);
        }
    }

    /// <summary>Whether <paramref name="silo"/> follows one of <paramref name="keys"/> (null: an event for all).</summary>
    public bool Wants(SiloAddress silo, string[]? keys)
    {
        if (keys is null || !_silos.TryGetValue(silo, out var announced))
        {
            return true;
        }

        lock (announced)
        {
            foreach (var key in keys)
            {
                if (announced.Keys.Contains(key))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The keys <paramref name="silo"/> announced; empty when never heard from.</summary>
    public IReadOnlyCollection<string> Of(SiloAddress silo)
    {
        if (!_silos.TryGetValue(silo, out var announced))
        {
            return [];
        }

        lock (announced)
        {
            return [.. announced.Keys];
        }
    }

    /// <summary>A silo that left the cluster: its announcements go with it.</summary>
    public void Forget(SiloAddress silo) => _silos.TryRemove(silo, out _);

    private sealed class Announced
    {
        public long Number { get; set; }

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
