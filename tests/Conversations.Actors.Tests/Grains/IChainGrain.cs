namespace Conversations.Actors.Tests.Grains;

/// <summary>Grains that call each other, for call-chain reentrancy.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="next"/>.CallBack(this key).</summary>
    Task<string> CallThrough(string next);

    /// <summary>Calls back the grain <paramref name="caller"/>.Name().</summary>
    Task<string> CallBack(string caller);

    /// <summary>Calls back the caller from a fresh call chain (Task.Run drops the chain).</summary>
    Task<string> CallBackOutsideChain(string caller);

    Task<string> CallThroughOutsideChain(string next);

    Task<string> Name();
}
