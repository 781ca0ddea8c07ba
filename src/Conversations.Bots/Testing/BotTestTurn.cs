namespace Conversations.Bots.Testing;

/// <summary>One customer action of a dialogue (say a text, or choose an option by id or label) and what must follow.</summary>
public sealed class BotTestTurn
{
    public string? Say { get; set; }

    public string? Choose { get; set; }

    /// <summary>"Back to the assistant" after a human.</summary>
    public bool Resume { get; set; }

    public BotExpectation Expect { get; set; } = new();
}
