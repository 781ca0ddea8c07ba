namespace Conversations.Bots.Testing;

/// <summary>The outcome of one dialogue: passed, or the failures with the turn they happened at.</summary>
public sealed record DialogueResult(string Name, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
