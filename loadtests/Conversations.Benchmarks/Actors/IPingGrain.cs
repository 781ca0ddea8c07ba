namespace Conversations.Benchmarks;

public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
