namespace Conversations.Actors;

/// <summary>About one reminder tick.</summary>
/// <param name="FirstTickTime">When this tick fell due (the stored time of the next undelivered tick).</param>
/// <param name="Period">Its period.</param>
/// <param name="CurrentTickTime">When this tick was due.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
