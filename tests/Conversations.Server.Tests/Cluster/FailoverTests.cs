using Conversations.Testing.Cluster;
using Xunit.Abstractions;

namespace Conversations.Server.Tests.Cluster;

/// <summary>Three published servers on one PostgreSQL database; one is killed with SIGKILL while signed
/// connector messages go to all three.</summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task KillOneNode_UnderConnectorLoad_NoAcknowledgedMessageLostAndEveryConversationAnswersAgain()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, 3);
        var drill = new FailoverDrill(cluster, contacts: 24);

        var result = await drill.RunAsync(victim: 2, before: TimeSpan.FromSeconds(3), after: TimeSpan.FromSeconds(1), answerWithin: TimeSpan.FromSeconds(30));

        output.WriteLine(result.ToString());
        var survivors = cluster.Nodes.Take(2).ToList();
        Assert.True(result.Acknowledged > 100, $"Only {result.Acknowledged} messages were acknowledged: {result}");
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.True(result.Answering == result.Conversations, $"{result}\n{survivors[0].Log}");

        // The target is 5 s; the bound leaves room for a loaded 2-core CI machine.
        Assert.True(result.FailoverSeconds < 15, $"{result}");
        Assert.All(survivors, n => Assert.False(n.HasExited));
        Assert.Equal(2, await cluster.ActiveSilosAsync());
    }
}
