using System.Text.Json;
using Conversations.Actors;
using Conversations.Storage.State;
using Conversations.Storage.Tests.Support;

namespace Conversations.Storage.Tests.State;

public abstract class GrainStorageTests : StorageSuite
{
    private static readonly GrainId Grain = new("counter", "c1");

    [ProviderFact]
    public async Task ReadStateAsync_NoRecord_NewStateAtVersionZero()
    {
        await using var db = await NewDatabaseAsync();
        var state = new TestGrainState<CounterState>();

        await Storage(db).ReadStateAsync("counter", Grain, state, default);

        Assert.Equal(0, state.Version);
        Assert.False(state.RecordExists);
    }

    [ProviderFact]
    public async Task WriteStateAsync_ThenRead_RoundTripsAndAdvancesVersion()
    {
        await using var db = await NewDatabaseAsync();
        var storage = Storage(db);
        var state = new TestGrainState<CounterState> { State = { Name = "a", Count = 1 } };

        await storage.WriteStateAsync("counter", Grain, state, default);
        state.State.Count = 2;
        await storage.WriteStateAsync("counter", Grain, state, default);
        var read = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", Grain, read, default);

        Assert.Equal(2, state.Version);
        Assert.Equal(2, read.Version);
        Assert.True(read.RecordExists);
        Assert.Equal(("a", 2), (read.State.Name, read.State.Count));
    }

    [ProviderFact]
    public async Task WriteStateAsync_StaleVersion_ThrowsInconsistentStateNamingStateAndGrain()
    {
        await using var db = await NewDatabaseAsync();
        var storage = Storage(db);
        var first = new TestGrainState<CounterState>();
        await storage.WriteStateAsync("counter", Grain, first, default);
        var second = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", Grain, second, default);
        await storage.WriteStateAsync("counter", Grain, second, default);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", Grain, first, default));

        Assert.Contains("counter", error.Message, StringComparison.Ordinal);
        Assert.Contains(Grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, first.Version);
    }

    [ProviderFact]
    public async Task WriteStateAsync_VersionZeroWhenRecordExists_Throws()
    {
        await using var db = await NewDatabaseAsync();
        var storage = Storage(db);
        await storage.WriteStateAsync("counter", Grain, new TestGrainState<CounterState>(), default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", Grain, new TestGrainState<CounterState>(), default));
    }

    [ProviderFact]
    public async Task WriteStateAsync_ConcurrentWritersOfOneVersion_ExactlyOneWins()
    {
        await using var db = await NewDatabaseAsync();
        var storage = Storage(db);
        var writers = Enumerable.Range(0, 8).Select(_ => new TestGrainState<CounterState>()).ToArray();

        var results = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await storage.WriteStateAsync("counter", Grain, w, default);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(results, r => r);
    }

    [ProviderFact]
    public async Task ClearStateAsync_CurrentVersion_RemovesRecord_StaleClearThrows()
    {
        await using var db = await NewDatabaseAsync();
        var storage = Storage(db);
        var state = new TestGrainState<CounterState>();
        await storage.WriteStateAsync("counter", Grain, state, default);
        var stale = new TestGrainState<CounterState> { Version = 1 };

        await storage.ClearStateAsync("counter", Grain, state, default);
        var read = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", Grain, read, default);

        Assert.Equal(0, state.Version);
        Assert.False(read.RecordExists);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("counter", Grain, stale, default));
    }

    [ProviderFact]
    public async Task WriteStateAsync_TwoStateNamesOfOneGrain_StoredApart()
    {
        await using var db = await NewDatabaseAsync();
        var storage = Storage(db);
        await storage.WriteStateAsync("a", Grain, new TestGrainState<CounterState> { State = { Count = 1 } }, default);
        await storage.WriteStateAsync("b", Grain, new TestGrainState<CounterState> { State = { Count = 2 } }, default);

        var a = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("a", Grain, a, default);

        Assert.Equal(1, a.State.Count);
    }

    private static SqlGrainStorage Storage(TestDatabase db) =>
        new(db.Database, new GrainStateSerializer(new JsonSerializerOptions()), TimeProvider.System);
}
