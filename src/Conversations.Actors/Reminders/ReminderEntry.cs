namespace Conversations.Actors;

/// <summary>A durable reminder as the reminder table stores it.</summary>
/// <param name="GrainId">The grain to remind.</param>
/// <param name="ReminderName">The name, unique per grain.</param>
/// <param name="StartAt">When the first tick is due.</param>
/// <param name="Period">The time between ticks.</param>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period) : IGrainReminder;
