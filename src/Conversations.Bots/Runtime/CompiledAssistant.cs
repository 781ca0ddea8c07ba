using Conversations.Bots.Definition;
using Conversations.Bots.Knowledge;
using Conversations.Bots.Nlu;
using Conversations.Bots.Yaml;

namespace Conversations.Bots.Runtime;

/// <summary>A definition made ready to answer: steps and intents by id, the intent matcher and the knowledge
/// base indexed. Built once per published version and shared, read-only, by every conversation.</summary>
public sealed class CompiledAssistant
{
    public CompiledAssistant(AssistantDefinition definition, MatcherOptions? options = null)
    {
        Definition = definition;
        var matcherOptions = options ?? MatcherOptions.Default;
        if (definition.Threshold is { } threshold)
        {
            matcherOptions = matcherOptions with { Threshold = threshold };
        }

        Steps = definition.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Intents = definition.Intents.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var synonyms = definition.Synonyms.ToDictionary(
            s => LanguageAnalyzer.NormalizeLanguage(s.Key),
            s => new SynonymMap(s.Value),
            StringComparer.Ordinal);
        Synonyms = synonyms;
        Matcher = new IntentMatcher(
            definition.Intents.SelectMany(i => i.Phrases.Select(p => new IntentExamples(i.Id, p.Key, p.Value))),
            synonyms,
            matcherOptions);
        Knowledge = new KnowledgeBase(definition.Knowledge, synonyms);
    }

    public AssistantDefinition Definition { get; }

    public IReadOnlyDictionary<string, StepDefinition> Steps { get; }

    public IReadOnlyDictionary<string, IntentDefinition> Intents { get; }

    public IReadOnlyDictionary<string, SynonymMap> Synonyms { get; }

    public IntentMatcher Matcher { get; }

    public KnowledgeBase Knowledge { get; }

    public string DefaultLanguage => Definition.ResolvedDefaultLanguage;

    public static CompiledAssistant FromYaml(string yaml, MatcherOptions? options = null) => new(AssistantYaml.Load(yaml), options);
}
