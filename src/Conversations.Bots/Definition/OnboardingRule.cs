namespace Conversations.Bots.Definition;

/// <summary>Acts on an answer as soon as a variable is set, e.g. assign the Spanish team when <c>langue = es</c>.</summary>
public sealed class OnboardingRule
{
    public VariableCondition When { get; set; } = new();

    public string? AssignTeam { get; set; }

    public string? Tag { get; set; }

    /// <summary>The conversation's routing priority (e.g. <c>high</c>).</summary>
    public string? Priority { get; set; }

    /// <summary>Variables to set as well.</summary>
    public Dictionary<string, string> Set { get; set; } = [];
}
