namespace Conversations.Actors;

/// <summary>Implemented by grains that register reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called by the reminder service when a reminder is due, activating the grain if needed.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
