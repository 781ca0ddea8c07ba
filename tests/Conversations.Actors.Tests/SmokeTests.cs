using Conversations.Actors.Testing;
using Conversations.Actors.Tests.Grains;

namespace Conversations.Actors.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Increment_ManyConcurrentCallers_CountsEveryCall()
    {
        await using var silo = await TestSilo.StartAsync(b => b.AddGrains<CounterGrain>());
        var grain = silo.GetGrain<ICounterGrain>("a");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => grain.SlowIncrement())));

        Assert.Equal(200, await grain.Get());
        Assert.Equal("hi", await grain.Echo("hi"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Throw("boom"));
        Assert.Equal("boom", error.Message);
    }
}
