namespace Conversations.Bots.Nlu;

/// <summary>Questions with the intent they mean (or none: out of scope), per language, to measure matching.
/// In YAML: <c>intents: {id: {fr: [...], en: [...]}}</c> and <c>outOfScope: {fr: [...], en: [...]}</c>.</summary>
public sealed class EvaluationSet
{
    public Dictionary<string, Dictionary<string, List<string>>> Intents { get; set; } = [];

    public Dictionary<string, List<string>> OutOfScope { get; set; } = [];
}
