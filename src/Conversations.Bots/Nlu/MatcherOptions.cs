namespace Conversations.Bots.Nlu;

/// <summary>How the ranking blends its signals and where it draws the line. The defaults were tuned on the
/// development half of the evaluation set (tests/Conversations.Bots.Tests/Evaluation), never on the half
/// the reported figures come from.</summary>
public sealed record MatcherOptions
{
    /// <summary>Below this confidence the assistant says it did not understand (and may suggest runners-up).</summary>
    public float Threshold { get; init; } = 0.45f;

    /// <summary>A confidence under <see cref="Threshold"/> still matches when it is at least this…</summary>
    public float MarginThreshold { get; init; } = 0.4f;

    /// <summary>…and leads the runner-up by this much: a clear winner with a weak score is still the answer.</summary>
    public float Margin { get; init; } = 0.1f;

    /// <summary>Runners-up under the threshold are suggested ("did you mean…") only above this.</summary>
    public float SuggestionFloor { get; init; } = 0.2f;

    /// <summary>Weight of the share of the question's words the intent knows (IDF-weighted, fuzzy).</summary>
    public float CoverageWeight { get; init; } = 0.4f;

    /// <summary>Weight of the best training phrase's two-way word overlap (BM25-weighted Dice).</summary>
    public float PhraseWeight { get; init; } = 0.1f;

    /// <summary>Weight of the character-trigram cosine with the best training phrase (typos, inflections).</summary>
    public float CharacterWeight { get; init; } = 0.35f;

    /// <summary>Weight of the absolute evidence: 1 - exp(-matched IDF / <see cref="EvidenceScale"/>). Long questions
    /// that name two rare words of an intent are in scope even when most of their words are unknown.</summary>
    public float EvidenceWeight { get; init; } = 0.15f;

    /// <summary>The matched IDF at which evidence reaches 63 %.</summary>
    public float EvidenceScale { get; init; } = 4f;

    /// <summary>How much a word no training phrase knows counts against a match, relative to the rarest known word.</summary>
    public float UnknownWordWeight { get; init; } = 1f;

    /// <summary>n unknown words weigh n^this times one: a long question with a few unknown words is not
    /// drowned by them, while a question made only of unknown words still scores nothing.</summary>
    public float UnknownDamping { get; init; } = 0.6f;

    /// <summary>The default options.</summary>
    public static MatcherOptions Default { get; } = new();
}
