using Conversations.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Providers;
using Orleans.Reminders;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests.Support;

/// <summary>One Orleans silo on <see cref="InProcessTestCluster"/> with the conversation grains: a fake clock
/// for grains and reminders (membership and messaging keep real time), storage and reminders that outlive a
/// restart as a database would, and an idle signal from a call filter. Calls come from the cluster's client,
/// so every argument and result crosses Orleans' serializer.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    // Quiet means no call running and none finished over this many consecutive polls: a one-way call or a
    // reminder tick is in flight for a moment between two calls.
    private const int QuietPolls = 5;
    private readonly InProcessTestCluster _cluster;
    private readonly RunningCalls _calls;
    private InProcessSiloHandle _silo;

    private TestSilo(InProcessTestCluster cluster, FakeTimeProvider clock, InMemoryGrainStorage storage, RunningCalls calls)
    {
        _cluster = cluster;
        _silo = cluster.Silos[0];
        Clock = clock;
        Storage = storage;
        _calls = calls;
    }

    /// <summary>The grains' and reminders' clock; move it with <see cref="AdvanceTimeAsync"/>.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The grain storage, kept across restarts.</summary>
    public InMemoryGrainStorage Storage { get; }

    /// <summary>Starts a one-silo cluster; <paramref name="configureServices"/> adds the grains' ports.</summary>
    public static async Task<TestSilo> StartAsync(Action<IServiceCollection> configureServices)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var storage = new InMemoryGrainStorage();
        var reminders = new InMemoryReminderTable();
        var calls = new RunningCalls();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddReminders().AddConversationGrains();
            var services = silo.Services;
            services.AddSingleton<TimeProvider>(clock);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
            services.AddSingleton<IGrainStorage>(storage);
            services.AddKeyedSingleton<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, storage);
            services.AddSingleton<IReminderTable>(reminders);
            services.AddSingleton<IIncomingGrainCallFilter>(calls);
            configureServices(services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(cluster, clock, storage, calls);
    }

    /// <summary>The cluster's client, as a grain factory.</summary>
    public IGrainFactory Grains => _cluster.Client;

    /// <summary>A grain reference through the cluster client.</summary>
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey => _cluster.Client.GetGrain<TGrainInterface>(key);

    /// <summary>Moves the clock and waits for what became due (timers, reminders, the calls they make) to settle.</summary>
    public async Task AdvanceTimeAsync(TimeSpan delta)
    {
        Clock.Advance(delta);
        await WaitForIdleAsync();
    }

    /// <summary>Waits until no grain call runs and none started for a few polls.</summary>
    public async Task WaitForIdleAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        var quiet = 0;
        var completed = -1L;
        while (quiet < QuietPolls)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The test silo did not go idle in time: {_calls.Running} calls running.");
            }

            await Task.Delay(2);
            var now = _calls.Completed;
            quiet = _calls.Running == 0 && now == completed ? quiet + 1 : 0;
            completed = now;
        }
    }

    /// <summary>Stops the silo and starts a new one over the same storage, reminders and clock; the clock moves
    /// on by <paramref name="downtime"/> while no silo runs, so nothing fires meanwhile.</summary>
    public async Task RestartAsync(TimeSpan downtime = default)
    {
        await _cluster.StopSiloAsync(_silo);
        Clock.Advance(downtime);
        _silo = await _cluster.StartAdditionalSiloAsync();
        await WaitForClientAsync();
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    // The client needs a moment to find the new silo's gateway; the first calls fail until it has.
    private async Task WaitForClientAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await _cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                return;
            }
            catch (Exception e) when (e is ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
