namespace Conversations.Bots.Definition;

/// <summary>What the assistant does when it does not understand: a message, and after <see cref="Limit"/>
/// misunderstandings in a row an offer of a human (or a transfer straight away without <see cref="Offer"/>).</summary>
public sealed class FallbackDefinition
{
    public int Limit { get; set; } = 2;

    public LocalizedText? Message { get; set; }

    public LocalizedText? Offer { get; set; }

    public LocalizedText? HumanLabel { get; set; }

    public LocalizedText? ContinueLabel { get; set; }

    /// <summary>The step a customer who accepts a human goes to (default: a plain transfer to the queue).</summary>
    public string? HumanStep { get; set; }
}
