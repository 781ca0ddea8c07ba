namespace Conversations.Actors.Tests.Grains;

public interface IShortLivedGrain : IGrainWithStringKey
{
    Task Touch();

    Task TouchAfterAwait();
}
