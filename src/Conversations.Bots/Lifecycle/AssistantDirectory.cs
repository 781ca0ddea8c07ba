namespace Conversations.Bots.Lifecycle;

/// <summary>Which assistant answers on each site and channel: at most one per target; connecting another
/// replaces the previous one, and a target with none gets the default response.</summary>
public sealed class AssistantDirectory
{
    public Dictionary<string, string> AssistantByTarget { get; set; } = new(StringComparer.Ordinal);

    public static string SiteTarget(string siteId) => $"site:{siteId}";

    public static string ChannelTarget(string channelId) => $"channel:{channelId}";

    /// <summary>Connects <paramref name="assistantId"/> to a target; the assistant it replaced, if any.</summary>
    public string? Connect(string target, string assistantId)
    {
        AssistantByTarget.TryGetValue(target, out var previous);
        AssistantByTarget[target] = assistantId;
        return previous == assistantId ? null : previous;
    }

    public bool Disconnect(string target, string assistantId) =>
        AssistantByTarget.TryGetValue(target, out var current) && current == assistantId && AssistantByTarget.Remove(target);

    public string? Resolve(string target) => AssistantByTarget.GetValueOrDefault(target);

    public IEnumerable<string> TargetsOf(string assistantId) =>
        AssistantByTarget.Where(p => p.Value == assistantId).Select(p => p.Key);
}
