namespace Conversations.Actors.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task Save();

    Task Deactivate();

    Task<int> SlowIncrement();
}
