namespace Conversations.Actors;

/// <summary>A state write or clear found another version in storage than the one the activation holds:
/// another writer got there first. The activation is deactivated so its next use reloads.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Builds the message for a version mismatch on one grain's state.</summary>
    public static InconsistentStateException VersionMismatch(string stateName, GrainId grainId, long expected, long? stored) =>
        new($"State '{stateName}' of grain {grainId} is at version {(stored?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")} in storage, not {expected}.");
}
