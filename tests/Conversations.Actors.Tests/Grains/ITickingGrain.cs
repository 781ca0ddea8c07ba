namespace Conversations.Actors.Tests.Grains;

public interface ITickingGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan period);

    Task StopTimer();

    Task StartReminder(string name, TimeSpan dueTime, TimeSpan period);

    Task StopReminder(string name);

    Task<int> Ticks();
}
