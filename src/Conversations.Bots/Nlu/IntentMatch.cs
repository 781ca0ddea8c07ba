namespace Conversations.Bots.Nlu;

/// <summary>What the matcher made of a message: the intent when confident enough, the confidence, the
/// language it read the message in, and the best candidates (the runners-up of a preview, the "did you
/// mean…" suggestions when nothing reached the threshold).</summary>
public sealed record IntentMatch(string? IntentId, float Confidence, string Language, IReadOnlyList<RankedLabel> Candidates)
{
    public bool IsMatch => IntentId is not null;

    /// <summary>Up to two runners-up worth suggesting when no intent matched.</summary>
    public IReadOnlyList<RankedLabel> Suggestions(float floor) =>
        IsMatch ? [] : Candidates.Where(c => c.Score >= floor).Take(2).ToList();
}
