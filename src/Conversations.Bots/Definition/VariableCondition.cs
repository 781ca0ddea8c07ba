using YamlDotNet.Serialization;

namespace Conversations.Bots.Definition;

/// <summary>A test on a variable: <c>equals</c>, <c>contains</c> (both ignoring case and accents), <c>exists</c>
/// or <c>matches</c> (a regular expression). Several tests given together must all hold.</summary>
public class VariableCondition
{
    public string? Variable { get; set; }

    [YamlMember(Alias = "equals")]
    public string? EqualTo { get; set; }

    public string? Contains { get; set; }

    public bool? Exists { get; set; }

    public string? Matches { get; set; }
}
