using Conversations.Storage.Hosting;
using Conversations.Storage.Reminders;
using Conversations.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Messaging;
using Orleans.TestingHost;

namespace Conversations.Storage.Tests.Silo;

/// <summary>Our providers under a real silo: state and reminders written by one silo are what the next one,
/// started over the same database, reads and fires.</summary>
public abstract class SiloRestartTests : StorageSuite
{
    [ProviderFact]
    public async Task Reminder_SiloRestarted_FiresOnTheNewSiloAndStateReloads()
    {
        await using var db = await NewDatabaseAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddConversationsStorage(db.Options);
            silo.AddReminders().Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var key = Guid.NewGuid().ToString("N");
        await cluster.Client.GetGrain<IReminderProbeGrain>(key).ArmAsync(TimeSpan.FromSeconds(1));
        var before = await WaitForTicksAsync(cluster, key, above: 0);

        await cluster.RestartSiloAsync(cluster.Silos[0]);
        var reloaded = await WaitForTicksAsync(cluster, key, above: -1);
        var after = await WaitForTicksAsync(cluster, key, above: reloaded);

        Assert.True(reloaded >= before, $"the new activation read {reloaded} ticks, fewer than the {before} stored");
        Assert.True(after > reloaded);
        var rows = await new SqlReminderTable(db.Database).ReadRows(GrainId.Create("ReminderProbeGrain", key));
        Assert.Equal("tick", Assert.Single(rows.Reminders).ReminderName);
    }

    // The client needs a moment to find a restarted silo's gateway: calls fail until it has.
    private static async Task<int> WaitForTicksAsync(InProcessTestCluster cluster, string key, int above)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                var ticks = await cluster.Client.GetGrain<IReminderProbeGrain>(key).TicksAsync();
                if (ticks > above)
                {
                    return ticks;
                }
            }
            catch (Exception e) when (e is ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"no more than {above} ticks in time");
            await Task.Delay(100);
        }
    }
}
