using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Conversations.Server.Seed;
using Conversations.Testing.Cluster;
using Conversations.Testing.SignalR;
using Npgsql;
using Xunit.Abstractions;

namespace Conversations.Server.Tests.Cluster;

/// <summary>Reminders belong to ring ranges of the cluster, not to the silo that registered them: when a silo
/// dies, the survivors take its ranges over and fire its pending reminders.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class ReminderFailoverTests(ITestOutputHelper output)
{
    private const int Conversations = 15;
    private const int SlaSeconds = 10;

    [PostgresFact]
    public async Task KillOneNode_ConversationsWithPendingSlaReminders_EveryReminderFiresOnTheSurvivors()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var cluster = await ProcessCluster.StartAsync(database.ConnectionString, 3);
        var survivor = cluster.Nodes[0].BaseAddress;
        var cookies = new CookieContainer();
        using (var admin = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = survivor })
        {
            (await admin.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = "admin@demo.test", password = "demo-password" })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync(new Uri("/api/settings", UriKind.Relative), new { slaSeconds = SlaSeconds })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync(new Uri($"/api/agents/{DemoSeed.Agent1Id}", UriKind.Relative), new { capacity = Conversations })).EnsureSuccessStatusCode();
        }

        await using var agent = await ConsoleAsync(survivor);
        // Customers on every node, so their conversations' grains and reminders spread over all three silos.
        var widgets = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(i => HandOverAsync(cluster.Nodes[i % 3].BaseAddress)));
        var conversationIds = widgets.Select(w => w.ConversationId).ToHashSet();
        var firedBeforeKill = await RequeuedBySlaAsync(cluster, conversationIds);
        var killedAt = Stopwatch.GetTimestamp();
        cluster.Nodes[2].Kill();

        // Agent 1 answers none of them: each SLA reminder must send its conversation back to the queue.
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        HashSet<string> requeued = [];
        while (requeued.Count < Conversations && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(250);
            requeued = await RequeuedBySlaAsync(cluster, conversationIds);
        }

        output.WriteLine($"{requeued.Count} of {Conversations} SLA reminders fired, the last by {Stopwatch.GetElapsedTime(killedAt).TotalSeconds:N1} s after the kill (SLA {SlaSeconds} s)");
        foreach (var (widget, _) in widgets)
        {
            await widget.DisposeAsync();
        }

        Assert.True(firedBeforeKill.Count == 0, $"{firedBeforeKill.Count} reminders fired before the kill: the machine was too slow for this test's timing");
        Assert.Equal(conversationIds.Order(), requeued.Order());
    }

    private static async Task<HubClient> ConsoleAsync(Uri node)
    {
        var cookies = new CookieContainer();
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = node })
        {
            (await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = "agent1@demo.test", password = "demo-password" })).EnsureSuccessStatusCode();
        }

        var console = await HubClient.ConnectAsync(new Uri(node, "/hubs/console"), new HubClientOptions { Cookies = cookies });
        await console.InvokeAsync("setStatus", new { status = "online" });
        return console;
    }

    // A customer who asks for a human; routing gives the conversation to the only agent online.
    private static async Task<(HubClient Widget, string ConversationId)> HandOverAsync(Uri node)
    {
        var widget = await HubClient.ConnectAsync(new Uri(node, "/hubs/widget"));
        var started = await widget.InvokeAsync<StartResult>("start", new { siteId = "demo" });
        await widget.InvokeAsync<ConversationState>("requestAgent", new { conversationId = started.ConversationId });
        await widget.WaitForAsync<ConversationState>("state", s => s.ConversationId == started.ConversationId && s.Status == ConversationStatus.Live, TimeSpan.FromSeconds(20));
        return (widget, started.ConversationId);
    }

    private static async Task<HashSet<string>> RequeuedBySlaAsync(ProcessCluster cluster, IReadOnlySet<string> conversationIds)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT conversation_id FROM messages WHERE text LIKE @sla", connection);
        command.Parameters.AddWithValue("sla", $"% did not answer within {SlaSeconds} seconds%");
        var requeued = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (conversationIds.Contains(reader.GetString(0)))
            {
                requeued.Add(reader.GetString(0));
            }
        }

        return requeued;
    }
}
