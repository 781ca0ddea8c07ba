namespace Conversations.Bots.Definition;

/// <summary>One case of a branch step: a condition and the step to go to when it holds.</summary>
public sealed class BranchCase : VariableCondition
{
    public string? Goto { get; set; }
}
