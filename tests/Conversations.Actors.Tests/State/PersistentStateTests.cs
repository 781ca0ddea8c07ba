using Conversations.Actors.Tests.Grains;
using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.State;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task Save_AfterAnotherWriterChangedTheRecord_ThrowsInconsistentStateAndReloadsOnNextCall()
    {
        var (silo, probe) = await Silos.StartAsync();
        await using var _ = silo;
        var grain = silo.GetGrain<ICounterGrain>("conflict");
        await grain.Increment();
        await grain.Save();
        silo.Storage.SetRecord("counter", new GrainId("CounterGrain", "conflict"), new CounterState { Count = 41 }, version: 5);

        await grain.Increment();
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Save()).Within();
        await silo.WaitForIdleAsync();
        var reloaded = await grain.Get();

        Assert.Contains("version 5", error.Message, StringComparison.Ordinal);
        Assert.Equal(41, reloaded);
        Assert.Equal(2, probe.Activations);
        Assert.Equal([DeactivationReason.InconsistentState], probe.DeactivationReasons);
    }

    [Fact]
    public async Task Save_ThenRestartSilo_StateSurvives()
    {
        var (silo, _) = await Silos.StartAsync();
        await using var __ = silo;
        var grain = silo.GetGrain<ICounterGrain>("durable");
        await grain.Increment();
        await grain.Save();

        await silo.RestartAsync();

        Assert.Equal(1, await silo.GetGrain<ICounterGrain>("durable").Get());
    }

    [Fact]
    public async Task MemoryStorage_WriteWithStaleVersion_IsRefused()
    {
        var storage = new MemoryGrainStorage(new GrainStateSerializer(new(System.Text.Json.JsonSerializerDefaults.Web)));
        var id = new GrainId("t", "k");
        var first = new TestState { State = new CounterState { Count = 1 } };
        var second = new TestState();
        await storage.WriteStateAsync("s", id, first, default);
        await storage.ReadStateAsync("s", id, second, default);
        await storage.WriteStateAsync("s", id, second, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", id, first, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("s", id, first, default));
        Assert.Equal(2, second.Version);
    }

    private sealed class TestState : IGrainState<CounterState>
    {
        public CounterState State { get; set; } = new();

        public long Version { get; set; }

        public bool RecordExists { get; set; }
    }
}
