using System.Collections.Concurrent;
using System.Net.WebSockets;
using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Conversations.Testing.SignalR;
using Npgsql;

namespace Conversations.Testing.Cluster;

/// <summary>A widget visitor on a <see cref="ProcessCluster"/> that writes one message at a time. When its
/// node goes away it does what the widget does behind a load balancer: connects to the next node, starts
/// again with its visitor token (the conversation and its latest messages come back, so it catches up from
/// the last seq it saw) and resends its unacknowledged message with the same client message id. Anything
/// else that fails is an error a visitor would see.</summary>
public sealed class WidgetRider(ProcessCluster cluster, int firstNode)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _moves = new();
    private readonly List<string> _acknowledged = [];
    private string? _visitorToken;
    private bool _started;
    private long _lastSeq;

    /// <summary>The visitor's conversation, once started.</summary>
    public string? ConversationId { get; private set; }

    /// <summary>Client message ids the cluster acknowledged.</summary>
    public IReadOnlyList<string> Acknowledged => _acknowledged;

    /// <summary>What the visitor would have seen go wrong, besides its connection closing.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Why it left each node, in order, for a failure message.</summary>
    public IReadOnlyCollection<string> Moves => _moves;

    /// <summary>Times it connected to another node and started again.</summary>
    public int Resumed { get; private set; }

    /// <summary>The longest a send took until it was acknowledged, resends on another node included.</summary>
    public TimeSpan LongestSend { get; private set; }

    /// <summary>Messages that came back in a snapshot after a resume with a seq above the last one seen.</summary>
    public int CaughtUp { get; private set; }

    /// <summary>Writes until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var node = firstNode;
        var n = 0;
        var sendingSince = 0L;
        while (!stop.IsCancellationRequested)
        {
            HubClient? widget = null;
            try
            {
                widget = await HubClient.ConnectAsync(new Uri(cluster.Nodes[node].BaseAddress, "/hubs/widget"), cancellationToken: stop);
                await StartAsync(widget);
                if (node != firstNode)
                {
                    Resumed++;
                    _moves.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} resumed on node {node}");
                }

                for (; !stop.IsCancellationRequested; n++)
                {
                    var clientMessageId = $"w{firstNode}-{n}";
                    sendingSince = sendingSince == 0 ? System.Diagnostics.Stopwatch.GetTimestamp() : sendingSince;
                    var message = await widget.InvokeAsync<Message>("send", new { conversationId = ConversationId, clientMessageId, text = $"rider {clientMessageId}" });
                    _acknowledged.Add(clientMessageId);
                    var took = System.Diagnostics.Stopwatch.GetElapsedTime(sendingSince);
                    LongestSend = took > LongestSend ? took : LongestSend;
                    sendingSince = 0;
                    _lastSeq = Math.Max(_lastSeq, message.Seq);
                    await Task.Delay(Pause, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is HubConnectionClosedException or HttpRequestException or TimeoutException or WebSocketException or IOException)
            {
                // The node went away (or is not listening any more): the next one, as a load balancer would.
                _moves.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} left node {node}: {e.GetType().Name}");
                node = (node + 1) % cluster.Nodes.Count;
            }
            catch (HubInvocationException e)
            {
                _errors.Enqueue($"{e.Method}: {e.Message}");
                await Task.Delay(Pause, CancellationToken.None);
            }
            finally
            {
                if (widget is not null)
                {
                    await widget.DisposeAsync();
                }
            }
        }
    }

    /// <summary>How many times each acknowledged client message id is stored in the conversation.</summary>
    public async Task<IReadOnlyDictionary<string, long>> StoredAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT client_message_id, count(*) FROM messages WHERE conversation_id = @conversation AND client_message_id IS NOT NULL GROUP BY client_message_id", connection);
        command.Parameters.AddWithValue("conversation", ConversationId ?? string.Empty);
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = reader.GetInt64(1);
        }

        return stored;
    }

    private async Task StartAsync(HubClient widget)
    {
        var started = await widget.InvokeAsync<StartResult>("start", new { siteId = "demo", visitorToken = _visitorToken });
        if (_started)
        {
            if (started.ConversationId != ConversationId)
            {
                _errors.Enqueue($"start: resumed into conversation {started.ConversationId}, not {ConversationId}");
            }

            CaughtUp += started.Messages.Count(m => m.Seq > _lastSeq);
        }

        _started = true;
        ConversationId = started.ConversationId;
        _visitorToken = started.VisitorToken;
        _lastSeq = Math.Max(_lastSeq, started.Messages.Select(m => m.Seq).DefaultIfEmpty().Max());
    }
}
