namespace Conversations.Storage.Tests.Silo;

/// <summary>The probe grain's stored state.</summary>
public sealed class ProbeState
{
    /// <summary>Reminder ticks received, over every activation.</summary>
    public int Ticks { get; set; }
}
