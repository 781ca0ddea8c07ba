namespace Conversations.Bots.Definition;

/// <summary>The kinds of step a flow is made of (the <c>type</c> field of a step in YAML).</summary>
public static class StepTypes
{
    /// <summary>Says a text (with <c>{{variables}}</c>), an image and quick replies; then goes on to <c>next</c>.</summary>
    public const string Message = "message";

    /// <summary>Asks a question with choices; the chosen value goes into <c>variable</c>.</summary>
    public const string Question = "question";

    /// <summary>Asks for free text into <c>variable</c>, validated (email, phone, number, notEmpty), re-asked when wrong.</summary>
    public const string Input = "input";

    /// <summary>Goes to the first case whose condition holds, else to <c>else</c>.</summary>
    public const string Branch = "branch";

    /// <summary>Sets <c>variable</c> to <c>value</c> (which may use <c>{{variables}}</c>).</summary>
    public const string Set = "set";

    /// <summary>Tags the conversation.</summary>
    public const string Tag = "tag";

    /// <summary>Adds a note agents see and the customer never does.</summary>
    public const string Note = "note";

    /// <summary>Shows a knowledge article in the customer's language.</summary>
    public const string Article = "article";

    /// <summary>Hands over to a human: the queue, a team or a named agent, with a message.</summary>
    public const string Transfer = "transfer";

    /// <summary>Ends the flow; the assistant waits for the next question.</summary>
    public const string End = "end";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Message, Question, Input, Branch, Set, Tag, Note, Article, Transfer, End,
    };
}
