namespace Conversations.Actors.Tests.Grains;

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task Hold(string name);

    Task Quick(string name);
}
