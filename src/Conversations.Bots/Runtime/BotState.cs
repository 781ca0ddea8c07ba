namespace Conversations.Bots.Runtime;

/// <summary>Where an assistant is in one conversation: kept by the conversation grain in its state, passed to
/// the interpreter with each turn and replaced by the one it returns. Plain data, serializable.</summary>
public sealed record BotState
{
    /// <summary>The conversation's language (set at start, by a language variable, or detected per message).</summary>
    public string? Language { get; init; }

    /// <summary>The question or input step waiting for the customer's answer.</summary>
    public string? AwaitingStep { get; init; }

    /// <summary>Variables the assistant captured.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Misunderstandings in a row.</summary>
    public int Misunderstandings { get; init; }

    /// <summary>The options last shown.</summary>
    public IReadOnlyList<OfferedOption> Offered { get; init; } = [];

    /// <summary>True once the assistant handed the conversation to a human.</summary>
    public bool HandedOff { get; init; }

    public static BotState Initial { get; } = new();
}
