using YamlDotNet.Serialization;

namespace Conversations.Bots.Definition;

/// <summary>An assistant as a botmaster writes it (and as its YAML file reads): steps, intents, triggers,
/// synonyms, onboarding rules and knowledge articles.</summary>
public sealed class AssistantDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<string> Languages { get; set; } = [];

    /// <summary>The language used when the customer's is unknown (default: the first of <see cref="Languages"/>).</summary>
    public string? DefaultLanguage { get; set; }

    /// <summary>A variable whose value, when it is one of <see cref="Languages"/>, switches the conversation's language.</summary>
    public string? LanguageVariable { get; set; }

    /// <summary>Confidence under which a question is not understood (default: the matcher's tuned threshold).</summary>
    public float? Threshold { get; set; }

    /// <summary>The step run when a conversation starts (the onboarding flow).</summary>
    public string? Start { get; set; }

    /// <summary>The step "back to the assistant" resumes at.</summary>
    public string? ResumeAt { get; set; }

    public FallbackDefinition Fallback { get; set; } = new();

    /// <summary>The "did you mean…" prompt before the best two runners-up.</summary>
    public LocalizedText? DidYouMean { get; set; }

    /// <summary>Language → canonical word → its variants.</summary>
    public Dictionary<string, Dictionary<string, List<string>>> Synonyms { get; set; } = [];

    public List<OnboardingRule> OnboardingRules { get; set; } = [];

    public List<StepDefinition> Steps { get; set; } = [];

    public List<IntentDefinition> Intents { get; set; } = [];

    public List<ArticleDefinition> Knowledge { get; set; } = [];

    [YamlIgnore]
    public string ResolvedDefaultLanguage => DefaultLanguage ?? Languages.FirstOrDefault() ?? "en";
}
