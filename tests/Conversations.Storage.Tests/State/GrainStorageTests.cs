using System.Text.Json;
using Conversations.Storage.State;
using Conversations.Storage.Tests.Support;
using Orleans.Storage;

namespace Conversations.Storage.Tests.State;

public abstract class GrainStorageTests : StorageSuite
{
    private static readonly GrainId Grain = GrainId.Create("counter", "c1");

    [ProviderFact]
    public async Task ReadStateAsync_NoRecord_NewStateAtVersionZero()
    {
        await using var db = await NewDatabaseAsync();
        var state = new TestGrainState<CounterState>();

        await using var storage = Storage(db);
        await storage.ReadStateAsync("counter", Grain, state);

        Assert.Equal(0, state.Version);
        Assert.False(state.RecordExists);
    }

    [ProviderFact]
    public async Task WriteStateAsync_ThenRead_RoundTripsAndAdvancesVersion()
    {
        await using var db = await NewDatabaseAsync();
        await using var storage = Storage(db);
        var state = new TestGrainState<CounterState> { State = { Name = "a", Count = 1 } };

        await storage.WriteStateAsync("counter", Grain, state);
        state.State.Count = 2;
        await storage.WriteStateAsync("counter", Grain, state);
        var read = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", Grain, read);

        Assert.Equal(2, state.Version);
        Assert.Equal(2, read.Version);
        Assert.True(read.RecordExists);
        Assert.Equal(("a", 2), (read.State.Name, read.State.Count));
    }

    [ProviderFact]
    public async Task WriteStateAsync_StaleVersion_ThrowsInconsistentStateNamingStateAndGrain()
    {
        await using var db = await NewDatabaseAsync();
        await using var storage = Storage(db);
        var first = new TestGrainState<CounterState>();
        await storage.WriteStateAsync("counter", Grain, first);
        var second = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", Grain, second);
        await storage.WriteStateAsync("counter", Grain, second);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", Grain, first));

        Assert.Contains("counter", error.Message, StringComparison.Ordinal);
        Assert.Contains(Grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, first.Version);
    }

    [ProviderFact]
    public async Task WriteStateAsync_VersionZeroWhenRecordExists_Throws()
    {
        await using var db = await NewDatabaseAsync();
        await using var storage = Storage(db);
        await storage.WriteStateAsync("counter", Grain, new TestGrainState<CounterState>());

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", Grain, new TestGrainState<CounterState>()));
    }

    [ProviderFact]
    public async Task WriteStateAsync_ConcurrentWritersOfOneVersion_ExactlyOneWins()
    {
        await using var db = await NewDatabaseAsync();
        await using var storage = Storage(db);
        var writers = Enumerable.Range(0, 8).Select(_ => new TestGrainState<CounterState>()).ToArray();

        var results = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await storage.WriteStateAsync("counter", Grain, w);
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
        await using var storage = Storage(db);
        var state = new TestGrainState<CounterState>();
        await storage.WriteStateAsync("counter", Grain, state);
        var stale = new TestGrainState<CounterState> { Version = 1 };

        await storage.ClearStateAsync("counter", Grain, state);
        var read = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", Grain, read);

        Assert.Equal(0, state.Version);
        Assert.False(read.RecordExists);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("counter", Grain, stale));
    }

    [ProviderFact]
    public async Task WriteStateAsync_TwoStateNamesOfOneGrain_StoredApart()
    {
        await using var db = await NewDatabaseAsync();
        await using var storage = Storage(db);
        await storage.WriteStateAsync("a", Grain, new TestGrainState<CounterState> { State = { Count = 1 } });
        await storage.WriteStateAsync("b", Grain, new TestGrainState<CounterState> { State = { Count = 2 } });

        var a = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("a", Grain, a);

        Assert.Equal(1, a.State.Count);
    }

    [ProviderFact]
    public async Task WriteStateAsync_ManyGrainsConcurrently_AllSucceedAndAreStored()
    {
        await using var db = await NewDatabaseAsync();
        await using var storage = Storage(db);
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("counter", $"g{i}")).ToArray();
        var states = grains.Select((_, i) => new TestGrainState<CounterState> { State = { Name = $"n{i}", Count = i } }).ToArray();

        await Task.WhenAll(grains.Select((g, i) => storage.WriteStateAsync("counter", g, states[i])));
        await Task.WhenAll(grains.Select((g, i) =>
        {
            states[i].State.Count += 1_000;
            return storage.WriteStateAsync("counter", g, states[i]);
        }));

        for (var i = 0; i < grains.Length; i++)
        {
            var read = new TestGrainState<CounterState>();
            await storage.ReadStateAsync("counter", grains[i], read);
            Assert.Equal((2, true), (states[i].Version, states[i].RecordExists));
            Assert.Equal((2L, $"n{i}", i + 1_000), (read.Version, read.State.Name, read.State.Count));
        }
    }

    [ProviderFact]
    public async Task WriteStateAsync_StaleWriteInsideABatch_FailsAloneOthersStored()
    {
        await using var db = await NewDatabaseAsync();
        await using var storage = Storage(db);
        var stale = new TestGrainState<CounterState>();
        await storage.WriteStateAsync("counter", Grain, stale);
        var current = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", Grain, current);
        await storage.WriteStateAsync("counter", Grain, current);
        var others = Enumerable.Range(0, 50).Select(i => (Grain: GrainId.Create("counter", $"o{i}"), State: new TestGrainState<CounterState> { State = { Count = i } })).ToArray();

        // Enqueued together, so the stale write lands in the middle of one batch.
        var before = others.Take(25).Select(o => storage.WriteStateAsync("counter", o.Grain, o.State)).ToList();
        var staleWrite = storage.WriteStateAsync("counter", Grain, stale);
        var after = others.Skip(25).Select(o => storage.WriteStateAsync("counter", o.Grain, o.State)).ToList();

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        await Task.WhenAll(before.Concat(after));
        Assert.Equal($"State 'counter' of grain {Grain} is at version 2 in storage, not 1.", error.Message);
        Assert.Equal(1, stale.Version);
        Assert.All(others, o => Assert.Equal(1, o.State.Version));
        var read = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", others[^1].Grain, read);
        Assert.Equal((1L, 49), (read.Version, read.State.Count));
    }

    [ProviderFact]
    public async Task WriteStateAsync_TwoWritesOfOneGrainInOneBatch_BehaveAsSequential()
    {
        await using var db = await NewDatabaseAsync();
        await using var storage = Storage(db);
        var first = new TestGrainState<CounterState> { State = { Count = 1 } };
        var chained = new TestGrainState<CounterState> { Version = 1, State = { Count = 2 } };
        var stale = new TestGrainState<CounterState> { State = { Count = 3 } };

        // The second expects the first's new version and succeeds; the third expects none and fails.
        var writes = new[] { first, chained, stale }.Select(s => storage.WriteStateAsync("counter", Grain, s)).ToArray();

        await writes[0];
        await writes[1];
        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[2]);
        var read = new TestGrainState<CounterState>();
        await storage.ReadStateAsync("counter", Grain, read);
        Assert.Equal((2L, 2), (read.Version, read.State.Count));
    }

    [ProviderFact]
    public async Task DisposeAsync_CommitsPendingWrites_ThenRefusesNewOnes()
    {
        await using var db = await NewDatabaseAsync();
        var storage = Storage(db);
        var writes = Enumerable.Range(0, 100).Select(i => storage.WriteStateAsync("counter", GrainId.Create("counter", $"d{i}"), new TestGrainState<CounterState>())).ToArray();

        await storage.DisposeAsync();

        // Queued before the stop, so committed rather than refused.
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.WriteStateAsync("counter", Grain, new TestGrainState<CounterState>()));
        await using var reopened = new SqlGrainStorage(db.Open(), new GrainStateSerializer(new JsonSerializerOptions()), TimeProvider.System, db.Options);
        var read = new TestGrainState<CounterState>();
        await reopened.ReadStateAsync("counter", GrainId.Create("counter", "d99"), read);
        Assert.Equal(1, read.Version);
    }

    private static SqlGrainStorage Storage(TestDatabase db) =>
        new(db.Database, new GrainStateSerializer(new JsonSerializerOptions()), TimeProvider.System, db.Options);
}
