namespace Conversations.Actors.Tests.Grains;

public sealed class ChainGrain : Grain, IChainGrain
{
    public Task<string> CallThrough(string next) => GrainFactory.GetGrain<IChainGrain>(next).CallBack(GetPrimaryKeyString());

    public async Task<string> CallBack(string caller) => "via " + await GrainFactory.GetGrain<IChainGrain>(caller).Name();

    public Task<string> CallBackOutsideChain(string caller) =>
        Task.Run(() => GrainFactory.GetGrain<IChainGrain>(caller).Name());

    public Task<string> CallThroughOutsideChain(string next) => GrainFactory.GetGrain<IChainGrain>(next).CallBackOutsideChain(GetPrimaryKeyString());

    public Task<string> Name() => Task.FromResult(GetPrimaryKeyString());
}
