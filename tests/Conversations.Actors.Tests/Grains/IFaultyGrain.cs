namespace Conversations.Actors.Tests.Grains;

public interface IFaultyGrain : IGrainWithStringKey
{
    Task ThrowNow(int code);

    Task<int> ThrowAfterAwait(int code);

    Task<string> Name();

    Task Accept(Unserializable value);

    Task<Bag> Keep(Bag bag);

    Task<int> KeptCount();
}
