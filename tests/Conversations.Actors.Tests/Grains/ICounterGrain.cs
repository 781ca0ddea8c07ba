namespace Conversations.Actors.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task Save();

    Task<string> Echo(string text);

    Task Throw(string message);

    Task<int> SlowIncrement();
}
