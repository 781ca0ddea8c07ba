namespace Conversations.Bots.Testing;

/// <summary>What a botmaster expects after a turn; every field given must hold.</summary>
public sealed class BotExpectation
{
    /// <summary>The matched intent, or <c>none</c> when the assistant must not understand.</summary>
    public string? Intent { get; set; }

    /// <summary>A text one of the assistant's messages contains (case and accents ignored).</summary>
    public string? Reply { get; set; }

    /// <summary>Variables and the values they must hold after the turn.</summary>
    public Dictionary<string, string> Variables { get; set; } = [];

    /// <summary>True: the turn must hand over to a human; false: it must not.</summary>
    public bool? Transfer { get; set; }

    /// <summary>The team the conversation must be routed to (by a transfer or an onboarding rule).</summary>
    public string? Team { get; set; }

    /// <summary>A tag the turn must add.</summary>
    public string? Tag { get; set; }

    /// <summary>The language the assistant must answer in.</summary>
    public string? Language { get; set; }
}
