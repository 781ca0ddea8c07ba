using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Conversations.Server.Connectors;
using Npgsql;

namespace Conversations.Testing.Cluster;

/// <summary>Signed connector messages from many contacts, sent round-robin to every node of a
/// <see cref="ProcessCluster"/>, while one node is killed with SIGKILL. A provider retries a failed send with
/// the same message id on another node, as a real one retries; afterwards every acknowledged message must be
/// in the database exactly once, and every conversation must answer again.</summary>
public sealed class FailoverDrill(ProcessCluster cluster, int contacts)
{
    private const string ChannelId = "api-demo";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentDictionary<string, byte> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, double> _answeredAfterKill = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private long _killedAt;
    private int _retried;

    /// <summary>Load for <paramref name="before"/>, kill node <paramref name="victim"/>, then load until every
    /// conversation answered again (at most <paramref name="answerWithin"/>) and <paramref name="after"/> more.</summary>
    public Task<FailoverResult> RunAsync(int victim, TimeSpan before, TimeSpan after, TimeSpan answerWithin) =>
        RunAsync([victim], before, after, answerWithin);

    /// <summary>As <see cref="RunAsync(int, TimeSpan, TimeSpan, TimeSpan)"/>, taking every node of
    /// <paramref name="victims"/> down at the same moment, killed or (<see cref="NodeStop.Terminate"/>) stopped.</summary>
    public async Task<FailoverResult> RunAsync(IReadOnlyCollection<int> victims, TimeSpan before, TimeSpan after, TimeSpan answerWithin, NodeStop stop = NodeStop.Kill)
    {
        var nodes = cluster.Nodes;
        var clients = nodes.Select(n => new HttpClient { BaseAddress = n.BaseAddress, Timeout = RequestTimeout }).ToArray();
        using var done = new CancellationTokenSource();
        try
        {
            var senders = Enumerable.Range(0, contacts).Select(c => SendLoopAsync(c, clients, victims, done.Token)).ToList();
            await Task.Delay(before);
            Interlocked.Exchange(ref _killedAt, Stopwatch.GetTimestamp());
            foreach (var victim in victims)
            {
                if (stop == NodeStop.Kill)
                {
                    nodes[victim].Kill();
                }
                else
                {
                    nodes[victim].Terminate();
                }
            }

            var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * answerWithin.TotalSeconds);
            while (_answeredAfterKill.Count < contacts && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50);
            }

            await Task.Delay(after);
            await done.CancelAsync();
            await Task.WhenAll(senders);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        var stored = await StoredCountsAsync();
        return new FailoverResult(
            _acknowledged.Count,
            _acknowledged.Keys.Count(id => !stored.ContainsKey(id)),
            stored.Count(s => s.Value > 1),
            contacts,
            _answeredAfterKill.Count,
            _answeredAfterKill.IsEmpty ? double.NaN : Math.Round(_answeredAfterKill.Values.Max(), 2),
            _retried,
            _refusals.Values.Sum(),
            string.Join("; ", _refusals.Select(r => $"{r.Key} ×{r.Value}")));
    }

    // One contact writes one message at a time, each to the next node in turn; a failure is retried with
    // the same id on the following node until it is acknowledged or the drill stops.
    private async Task SendLoopAsync(int contact, HttpClient[] clients, IReadOnlyCollection<int> victims, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var messageId = $"{_run}-{contact}-{n}";
            var node = (contact + n) % clients.Length;
            var startedAt = Stopwatch.GetTimestamp();
            while (!stop.IsCancellationRequested)
            {
                if (await TrySendAsync(clients[node], contact, messageId))
                {
                    _acknowledged.TryAdd(messageId, 0);
                    var killedAt = Interlocked.Read(ref _killedAt);
                    if (killedAt != 0 && startedAt > killedAt)
                    {
                        _answeredAfterKill.TryAdd(contact, Stopwatch.GetElapsedTime(killedAt).TotalSeconds);
                    }

                    break;
                }

                Interlocked.Increment(ref _retried);
                do
                {
                    node = (node + 1) % clients.Length;
                }
                while (Interlocked.Read(ref _killedAt) != 0 && victims.Contains(node));

                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    // True when acknowledged. A connection that fails is what a node going away looks like to a provider;
    // an answer other than 200 is a refusal, counted with its reason.
    private async Task<bool> TrySendAsync(HttpClient client, int contact, string messageId)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { messageId, from = new { id = $"+3370000{contact:D4}", name = $"Contact {contact}" }, text = $"message {messageId}" });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/{ChannelId}/messages") { Content = content };
        request.Headers.TryAddWithoutValidation(ChannelSignature.HeaderName, ChannelSignature.Sign(ProcessCluster.ConnectorSecret, body, DateTimeOffset.UtcNow));
        try
        {
            using var response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            var answer = await response.Content.ReadAsStringAsync();
            _refusals.AddOrUpdate($"{(int)response.StatusCode} {answer[..Math.Min(answer.Length, 160)]}", 1, (_, n) => n + 1);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<Dictionary<string, long>> StoredCountsAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        // By text, which names the provider message id: a second copy under another id would count too.
        await using var command = new NpgsqlCommand(
            "SELECT substr(text, 9), count(*) FROM messages WHERE text LIKE @run GROUP BY text", connection);
        command.Parameters.AddWithValue("run", $"message {_run}-%");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
