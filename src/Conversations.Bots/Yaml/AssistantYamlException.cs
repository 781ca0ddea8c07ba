namespace Conversations.Bots.Yaml;

/// <summary>An assistant file that cannot be used, with every problem found.</summary>
public sealed class AssistantYamlException(IReadOnlyList<AssistantYamlError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<AssistantYamlError> Errors { get; } = errors;
}
