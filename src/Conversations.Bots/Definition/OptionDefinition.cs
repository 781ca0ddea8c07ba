namespace Conversations.Bots.Definition;

/// <summary>A quick reply of a message, or a choice of a question. Picking it goes to <c>goto</c> (a step) or
/// answers <c>intent</c>; a choice stores <c>value</c> (default: its id) in the question's variable.</summary>
public sealed class OptionDefinition
{
    public string Id { get; set; } = string.Empty;

    public LocalizedText? Label { get; set; }

    public string? Value { get; set; }

    public string? Goto { get; set; }

    public string? Intent { get; set; }
}
