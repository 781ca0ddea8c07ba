namespace Conversations.Storage.Tests.Silo;

/// <summary>A grain that counts its reminder's ticks in its persistent state, to see our grain storage and
/// reminder table carry a grain across a silo restart.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task ArmAsync(TimeSpan period);

    Task<int> TicksAsync();
}
