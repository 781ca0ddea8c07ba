using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Tests.Connectors;
using Conversations.Server.Tests.Hubs;
using Conversations.Testing.Cluster;
using Conversations.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Conversations.Server.Tests.Cluster;

/// <summary>Two nodes forming one Orleans cluster over PostgreSQL (<c>Orleans:Clustering=Postgres</c>): a
/// client may connect to either, whichever silo hosts the conversation's grain.</summary>
public sealed class ClusterEventsTests
{
    [PostgresFact]
    public async Task LiveChat_WidgetOnOneNodeAgentOnAnother_MessagesReachBothSidesInSeqOrder()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var first = Member(database);
        await using var second = Member(database);
        await WaitForClusterAsync(first, second);
        await using var agent = await HubSessions.ConsoleAsync(second, "agent1@demo.test");
        var (widget, start) = await HubSessions.WidgetAsync(first);
        await using var _ = widget;
        var conversationId = start.Id();

        await widget.InvokeAsync<ConversationState>("requestAgent", new { conversationId });
        await widget.WaitForAsync<ConversationState>("state", s => s.Status == ConversationStatus.Live);
        for (var i = 0; i < 5; i++)
        {
            await widget.InvokeAsync<Message>("send", new { conversationId, clientMessageId = $"q{i}", text = $"question {i}" });
            await agent.WaitForAsync<Message>("message", m => m.ClientMessageId == $"q{i}");
            await agent.InvokeAsync<Message>("reply", new { conversationId, clientMessageId = $"r{i}", text = $"answer {i}" });
            await widget.WaitForAsync<Message>("message", m => m.ClientMessageId == $"r{i}");
        }

        // Every message of the conversation reached the widget once, in seq order, across the silo hop.
        var seen = widget.Received<Message>("message").Where(m => m.ConversationId == conversationId).Select(m => m.Seq).ToList();
        Assert.Equal(seen.Order().Distinct(), seen);
        Assert.Equal(5, agent.Received<Message>("message").Count(m => m.ConversationId == conversationId && m.Author.Kind == AuthorKind.Customer));
    }

    [PostgresFact]
    public async Task Inbound_SameProviderMessageIdOnTwoNodesAtOnce_StoredOnce()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var first = Member(database);
        await using var second = Member(database);
        await WaitForClusterAsync(first, second);
        using var onFirst = new ConnectorClient(first.CreateHttpClient());
        using var onSecond = new ConnectorClient(second.CreateHttpClient());
        var messageId = $"wamid-{Guid.NewGuid():N}";
        var body = new { messageId, from = new { id = "+33611111111", name = "Camille" }, text = "Bonjour" };

        var responses = await Task.WhenAll(onSecond.PostMessageAsync(body), onFirst.PostMessageAsync(body));
        var again = await onFirst.PostMessageAsync(body);

        var answers = new List<JsonElement>();
        foreach (var response in responses.Append(again))
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
            }
        }

        Assert.Single(answers, a => !a.GetProperty("duplicate").GetBoolean());
        Assert.Single(answers.Select(a => a.GetProperty("messageId").GetString()).Distinct());
        Assert.Equal(1, await CountStoredAsync(database, messageId));
    }

    private static PostgresNode Member(TestPostgres database)
    {
        var settings = new Dictionary<string, string?>(ClusterSettings) { ["Seed:ConnectorSecret"] = ConnectorServer.Secret };
        return new PostgresNode(database.ConnectionString, settings);
    }

    /// <summary>CONTRACT.md's cluster settings for a node on this machine; the ports are left free.</summary>
    private static IReadOnlyDictionary<string, string?> ClusterSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Orleans:Clustering"] = "Postgres",
                ["Orleans:ClusterId"] = "cluster-tests",
                ["Orleans:AdvertisedAddress"] = "127.0.0.1",
            };
            foreach (var (key, value) in AbuseSettings.Generous)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    // A node serves once its silo is up; the second joins the first's cluster a moment later.
    private static async Task WaitForClusterAsync(params PostgresNode[] nodes)
    {
        _ = nodes.Select(n => n.BaseAddress).ToList();
        var membership = nodes[0].Services.GetRequiredService<IClusterMembershipService>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < nodes.Length)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The cluster has {membership.CurrentSnapshot} after 30 s.");
            await Task.Delay(100);
        }
    }

    private static async Task<long> CountStoredAsync(TestPostgres database, string externalId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM messages WHERE external_id = @id", connection);
        command.Parameters.AddWithValue("id", externalId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
