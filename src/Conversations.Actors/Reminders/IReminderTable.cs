namespace Conversations.Actors;

/// <summary>Durable storage of reminders (in memory here; SQL in Conversations.Storage).</summary>
public interface IReminderTable
{
    /// <summary>Every stored reminder, read when the silo starts.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the reminder with this grain id and name.</summary>
    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes a reminder; true when it existed.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);
}
