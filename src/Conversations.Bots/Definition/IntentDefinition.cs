namespace Conversations.Bots.Definition;

/// <summary>Something customers ask: training phrases per language, and what the assistant does about it
/// (an answer, an article, a flow to start, quick replies to offer).</summary>
public sealed class IntentDefinition
{
    public string Id { get; set; } = string.Empty;

    /// <summary>How "did you mean…" names this intent.</summary>
    public LocalizedText? Title { get; set; }

    /// <summary>Language code → training phrases.</summary>
    public Dictionary<string, List<string>> Phrases { get; set; } = [];

    public LocalizedText? Answer { get; set; }

    public string? Article { get; set; }

    public List<OptionDefinition> QuickReplies { get; set; } = [];

    /// <summary>A step to run after the answer.</summary>
    public string? Goto { get; set; }
}
