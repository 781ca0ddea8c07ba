namespace Conversations.Bots.Nlu;

/// <summary>Matching quality over an <see cref="EvaluationSet"/>: top-1 accuracy on in-scope questions (an
/// answer under the threshold counts as wrong), the share of out-of-scope questions rejected, and the time per
/// message. <see cref="Failures"/> lists what went wrong, for tuning.</summary>
public sealed record EvaluationReport(
    double Accuracy,
    double OutOfScopeRejection,
    int Intents,
    int Samples,
    double MicrosPerMessage,
    IReadOnlyList<string> Failures);
