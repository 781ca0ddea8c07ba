namespace Conversations.Bots.Yaml;

/// <summary>One problem in an assistant file: where (line and column, 1-based; 0 when unknown), which field
/// (a path such as <c>steps[3].next</c>) and what is wrong.</summary>
public sealed record AssistantYamlError(int Line, int Column, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}, column {Column}: {Field}: {Message}" : $"{Field}: {Message}";
}
