namespace Conversations.Bots.Definition;

/// <summary>One step of the assistant's graph. Which fields count depends on <see cref="Type"/> (see
/// <see cref="StepTypes"/>); <see cref="Next"/> is where the flow goes afterwards (none: wait for the customer).</summary>
public sealed class StepDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    /// <summary>The message, question, note or transfer text; may use <c>{{variable}}</c> and <c>{{variable|default}}</c>.</summary>
    public LocalizedText? Text { get; set; }

    /// <summary>An image URL a message step shows.</summary>
    public string? Image { get; set; }

    public List<OptionDefinition> QuickReplies { get; set; } = [];

    /// <summary>The variable a question, input or set step writes.</summary>
    public string? Variable { get; set; }

    public List<OptionDefinition> Choices { get; set; } = [];

    /// <summary>The check of an input step (see <see cref="InputValidation"/>).</summary>
    public string? Validate { get; set; }

    /// <summary>What an input or question step says when the answer does not fit.</summary>
    public LocalizedText? Reask { get; set; }

    public List<BranchCase> Cases { get; set; } = [];

    public string? Else { get; set; }

    /// <summary>The value a set step writes.</summary>
    public string? Value { get; set; }

    public string? Tag { get; set; }

    /// <summary>The knowledge article an article step shows.</summary>
    public string? Article { get; set; }

    /// <summary>The team a transfer targets (none: the site's queue).</summary>
    public string? Team { get; set; }

    /// <summary>The named agent a transfer targets; the queue when that agent is not available.</summary>
    public string? Agent { get; set; }

    public string? Next { get; set; }
}
