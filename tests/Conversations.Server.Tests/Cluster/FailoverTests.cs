using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Conversations.Testing.Cluster;
using Conversations.Testing.SignalR;
using Xunit.Abstractions;

namespace Conversations.Server.Tests.Cluster;

/// <summary>Three published servers on one PostgreSQL database; one is killed with SIGKILL while signed
/// connector messages go to all three.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class FailoverTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task KillOneNode_UnderConnectorLoad_NoAcknowledgedMessageLostAndEveryConversationAnswersAgain()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, 3);
        var victim = cluster.Nodes[2];
        var (widget, started) = await StartWidgetAsync(victim.BaseAddress, new { siteId = "demo" });
        var before = await widget.InvokeAsync<Message>("send", new { conversationId = started.ConversationId, clientMessageId = "before", text = "before the crash" });
        var drill = new FailoverDrill(cluster, contacts: 24);

        var result = await drill.RunAsync(victim: 2, before: TimeSpan.FromSeconds(3), after: TimeSpan.FromSeconds(1), answerWithin: TimeSpan.FromSeconds(30));

        output.WriteLine(result.ToString());
        await widget.DisposeAsync();
        var survivors = cluster.Nodes.Take(2).ToList();
        // Every contact had messages acknowledged before the kill and after it.
        Assert.True(result.Acknowledged >= 2 * result.Conversations, $"Only {result.Acknowledged} messages were acknowledged: {result}");
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.True(result.Answering == result.Conversations, $"{result}\n{survivors[0].Log}");

        // The target is 5 s; the bound leaves room for a loaded 2-core CI machine.
        Assert.True(result.FailoverSeconds < 15, $"{result}");
        Assert.All(survivors, n => Assert.False(n.HasExited));
        Assert.Equal(2, await cluster.ActiveSilosAsync());

        // The widget of the dead node reconnects to a survivor with its token: same conversation, its
        // acknowledged message there once, and it writes on.
        var (resumedWidget, resumed) = await StartWidgetAsync(survivors[0].BaseAddress, new { siteId = "demo", visitorToken = started.VisitorToken });
        await using var _ = resumedWidget;
        Assert.Equal(started.ConversationId, resumed.ConversationId);
        Assert.Single(resumed.Messages, m => m.Id == before.Id);
        var after = await resumedWidget.InvokeAsync<Message>("send", new { conversationId = resumed.ConversationId, clientMessageId = "after", text = "after the crash" });
        Assert.True(after.Seq > before.Seq);
    }

    [PostgresFact]
    public async Task KillTwoOfThreeNodesAtOnce_TheSurvivorDeclaresBothDeadAndServesEveryConversation()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, 3);
        var drill = new FailoverDrill(cluster, contacts: 12);

        var result = await drill.RunAsync([1, 2], before: TimeSpan.FromSeconds(2), after: TimeSpan.FromSeconds(1), answerWithin: TimeSpan.FromSeconds(30));

        output.WriteLine(result.ToString());
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.True(result.Answering == result.Conversations, $"{result}\n{cluster.Nodes[0].Log}");
        Assert.Equal(1, await cluster.ActiveSilosAsync());
    }

    private static async Task<(HubClient Widget, StartResult Start)> StartWidgetAsync(Uri node, object start)
    {
        var widget = await HubClient.ConnectAsync(new Uri(node, "/hubs/widget"));
        return (widget, await widget.InvokeAsync<StartResult>("start", start));
    }
}
