namespace Conversations.Bots.Testing;

/// <summary>A dialogue of a botmaster test file: optionally the start flow first, then turns.</summary>
public sealed class BotTestDialogue
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The customer's locale.</summary>
    public string? Locale { get; set; }

    /// <summary>Run the start (onboarding) flow first; its outcome can be checked with <see cref="StartExpect"/>.</summary>
    public bool Start { get; set; }

    public BotExpectation? StartExpect { get; set; }

    /// <summary>Variables known before the dialogue (contact name…).</summary>
    public Dictionary<string, string> Context { get; set; } = [];

    public List<BotTestTurn> Turns { get; set; } = [];
}
