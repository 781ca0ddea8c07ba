namespace Conversations.Testing.Cluster;

/// <summary>What a <see cref="FailoverDrill"/> measured.</summary>
/// <param name="Acknowledged">Inbound messages the cluster answered 200 (stored, or a duplicate of a stored one).</param>
/// <param name="Lost">Acknowledged messages not in the database afterwards.</param>
/// <param name="Duplicated">Provider message ids stored more than once.</param>
/// <param name="Conversations">Conversations the load ran on.</param>
/// <param name="Answering">Conversations that acknowledged a message sent after the kill.</param>
/// <param name="FailoverSeconds">From the kill until the last conversation acknowledged a message sent after it.</param>
/// <param name="Retried">Sends that failed once (dead node, grain moving) and were retried on another node.</param>
/// <param name="Refused">Sends the cluster answered with another status than 200 (also retried).</param>
/// <param name="Refusals">Status and start of the body of each kind of refusal, with its count.</param>
public sealed record FailoverResult(int Acknowledged, int Lost, int Duplicated, int Conversations, int Answering, double FailoverSeconds, int Retried, int Refused, string Refusals);
