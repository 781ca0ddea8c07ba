namespace Conversations.Bots.Nlu;

/// <summary>How the ranking blends its signals and where it draws the line. The defaults were tuned on the
/// development half of the evaluation set (tests/Conversations.Bots.Tests/Evaluation), never on the half
/// the reported figures come from.</summary>
public sealed record MatcherOptions
{
    /// <summary>Below this confidence the assistant says it did not understand (and may suggest runners-up).</summary>
    public float Threshold { get; init; } = 0.5f;

    /// <summary>Runners-up under the threshold are suggested ("did you mean…") only above this.</summary>
    public float SuggestionFloor { get; init; } = 0.3f;

    /// <summary>Weight of the share of the question's words the intent knows (IDF-weighted, fuzzy).</summary>
    public float CoverageWeight { get; init; } = 0.5f;

    /// <summary>Weight of the best training phrase's two-way word overlap (BM25-weighted Dice).</summary>
    public float PhraseWeight { get; init; } = 0.3f;

    /// <summary>Weight of the character-trigram cosine with the best training phrase (typos, inflections).</summary>
    public float CharacterWeight { get; init; } = 0.2f;

    /// <summary>How much a word no training phrase knows counts against a match, relative to the rarest known word.</summary>
    public float UnknownWordWeight { get; init; } = 0.8f;

    /// <summary>The default options.</summary>
    public static MatcherOptions Default { get; } = new();
}
