using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>A SignalR client speaking the JSON hub protocol over one WebSocket, for tests and load tests
/// (the .NET SignalR client package is not available to us). One receive loop per connection reads
/// records separated by 0x1E into a pooled buffer; sends are serialized into a reused buffer.</summary>
/// <remarks>Handlers registered with <see cref="On{T}"/> run on the receive loop, in order: they must not
/// block, and must not wait for an invocation on the same connection.</remarks>
public sealed class HubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] HandshakeRequest = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();
    private static readonly byte[] PingMessage = "{\"type\":6}\u001e"u8.ToArray();

    // Cookies travel as a header (not through a handler's container), so one pooled client serves every connection.
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { UseCookies = false });

    private readonly ClientWebSocket _socket;
    private readonly HubClientOptions _options;
    private readonly JsonSerializerOptions _json;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly PooledBufferWriter _sendBuffer = new();
    private readonly Utf8JsonWriter _writer;
    private readonly ConcurrentDictionary<long, IPendingInvocation> _pending = new();
    private readonly ConcurrentDictionary<string, IHubEventHandler[]> _handlers = new(StringComparer.Ordinal);
    private readonly Lock _handlersLock = new();
    private readonly Lock _eventsLock = new();
    private readonly Queue<ReceivedEvent> _history = new();
    private readonly List<IEventWaiter> _waiters = [];
    private readonly ConcurrentQueue<Exception> _handlerErrors = new();
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Timer? _keepAlive;
    private Task _receiveLoop = Task.CompletedTask;
    private long _nextInvocationId;
    private long _lastSendTicks;
    private int _waiterCount;
    private volatile bool _isClosed;
    private int _disposed;

    private HubClient(ClientWebSocket socket, HubClientOptions options, string? connectionId)
    {
        _socket = socket;
        _options = options;
        _json = options.SerializerOptions;
        _writer = new Utf8JsonWriter(_sendBuffer, new JsonWriterOptions { SkipValidation = true });
        ConnectionId = connectionId;
    }

    /// <summary>The connection id from negotiate; null when negotiation was skipped.</summary>
    public string? ConnectionId { get; }

    /// <summary>True until the connection closes.</summary>
    public bool IsConnected => !_isClosed;

    /// <summary>Completes when the connection ends: null for a normal close, otherwise the reason.</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>Exceptions thrown by <see cref="On{T}"/> handlers; they are kept here rather than ending the connection.</summary>
    public IReadOnlyCollection<Exception> HandlerErrors => _handlerErrors;

    /// <summary>Negotiates (unless skipped), opens the WebSocket and completes the JSON handshake.</summary>
    /// <param name="hubUrl">The hub's http(s) address, e.g. <c>http://127.0.0.1:5080/hubs/widget</c>.</param>
    /// <param name="options">Cookies, headers and timeouts; defaults when null.</param>
    /// <param name="cancellationToken">Cancels connecting (on top of <see cref="HubClientOptions.ConnectTimeout"/>).</param>
    public static async Task<HubClient> ConnectAsync(Uri hubUrl, HubClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        options ??= new HubClientOptions();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);

        var (connectionId, token) = options.SkipNegotiation ? (null, null) : await NegotiateAsync(hubUrl, options, timeout.Token);
        var socket = new ClientWebSocket();
        if (options.Cookies is not null)
        {
            socket.Options.Cookies = options.Cookies;
        }

        foreach (var (name, value) in options.Headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        var client = new HubClient(socket, options, connectionId);
        try
        {
            await socket.ConnectAsync(WebSocketUri(hubUrl, token), timeout.Token);
            client._receiveLoop = client.ReceiveLoopAsync();
            await client.SendRawAsync(HandshakeRequest, timeout.Token);
            await client._handshake.Task.WaitAsync(timeout.Token);
            client._keepAlive = new Timer(static state => ((HubClient)state!).SendKeepAlive(), client, options.KeepAliveInterval, options.KeepAliveInterval);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invokes a hub method with one argument and returns its result.</summary>
    /// <exception cref="HubInvocationException">The hub method failed; the message is the server's.</exception>
    /// <exception cref="HubConnectionClosedException">The connection closed before the result came.</exception>
    public Task<T> InvokeAsync<T>(string method, object? argument, CancellationToken cancellationToken = default) =>
        InvokeCoreAsync<T>(method, [argument], cancellationToken);

    /// <summary>Invokes a hub method with one argument and waits for it to complete, ignoring any result.</summary>
    public Task InvokeAsync(string method, object? argument, CancellationToken cancellationToken = default) =>
        InvokeCoreAsync<NoResult>(method, [argument], cancellationToken);

    /// <summary>Invokes a hub method with any number of arguments (none included) and returns its result.</summary>
    public async Task<T> InvokeCoreAsync<T>(string method, object?[] arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        var id = Interlocked.Increment(ref _nextInvocationId);
        var pending = new PendingInvocation<T>(method);
        _pending[id] = pending;
        // The close path drains _pending after setting _isClosed, so checking after adding cannot miss it.
        if (_isClosed && _pending.TryRemove(id, out _))
        {
            throw new HubConnectionClosedException($"The connection is closed; '{method}' was not sent.");
        }

        try
        {
            await SendMessageAsync(id, method, arguments, cancellationToken);
        }
        catch
        {
            _pending.TryRemove(id, out _);
            throw;
        }

        if (!cancellationToken.CanBeCanceled)
        {
            return await pending.Task;
        }

        await using var registration = cancellationToken.Register(() =>
        {
            if (_pending.TryRemove(id, out _))
            {
                pending.TrySetCanceled(cancellationToken);
            }
        });
        return await pending.Task;
    }

    /// <summary>Sends a hub method invocation without waiting for it to run (no invocation id, no result).</summary>
    public Task SendAsync(string method, object? argument, CancellationToken cancellationToken = default) =>
        SendCoreAsync(method, [argument], cancellationToken);

    /// <summary>Sends a hub method invocation with any number of arguments without waiting for it to run.</summary>
    public Task SendCoreAsync(string method, object?[] arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        return _isClosed
            ? Task.FromException(new HubConnectionClosedException($"The connection is closed; '{method}' was not sent."))
            : SendMessageAsync(null, method, arguments, cancellationToken);
    }

    /// <summary>Calls <paramref name="handler"/> with the first argument of every server invocation of
    /// <paramref name="target"/>; dispose the result to stop.</summary>
    public IDisposable On<T>(string target, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(handler);
        var registration = new HubEventHandler<T>(handler);
        lock (_handlersLock)
        {
            // Copy-on-write: the receive loop reads the arrays without a lock.
            _handlers[target] = _handlers.TryGetValue(target, out var existing) ? [.. existing, registration] : [registration];
        }

        return new HubSubscription(() => RemoveHandler(target, registration));
    }

    /// <summary>Waits for a server invocation of <paramref name="target"/> whose first argument matches
    /// <paramref name="predicate"/>. Events received since the connection opened count too (up to
    /// <see cref="HubClientOptions.EventHistory"/>), so waiting after the action that causes the event is safe.</summary>
    /// <exception cref="TimeoutException">Nothing matched in time (10 s by default).</exception>
    public async Task<T> WaitForAsync<T>(string target, Func<T, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var waiter = new EventWaiter<T>(target, predicate);
        lock (_eventsLock)
        {
            var done = false;
            foreach (var received in _history)
            {
                if (received.Target == target && waiter.TryComplete(received.Argument, _json))
                {
                    done = true;
                    break;
                }
            }

            if (!done)
            {
                if (_isClosed)
                {
                    waiter.Fail(new HubConnectionClosedException($"The connection is closed; no '{target}' event can arrive."));
                }
                else
                {
                    _waiters.Add(waiter);
                    _waiterCount++;
                }
            }
        }

        var wait = timeout ?? DefaultWaitTimeout;
        try
        {
            return await waiter.Task.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No '{target}' event matched within {wait.TotalSeconds:0.###} s.");
        }
        finally
        {
            RemoveWaiter(waiter);
        }
    }

    /// <summary>Closes the connection (WebSocket close handshake, then the receive loop ends).</summary>
    public async Task StopAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The socket is already going away; the receive loop reports how it ended.
            }
        }

        if (await Task.WhenAny(_receiveLoop, Task.Delay(TimeSpan.FromSeconds(5))) != _receiveLoop)
        {
            await _stopping.CancelAsync();
            _socket.Abort();
            await _receiveLoop;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync();
        _socket.Dispose();
        _stopping.Dispose();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        await _sendLock.WaitAsync();
        _writer.Dispose();
        _sendBuffer.Dispose();
    }

    private static async Task<(string? ConnectionId, string? Token)> NegotiateAsync(Uri hubUrl, HubClientOptions options, CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(hubUrl);
        builder.Path = builder.Path.TrimEnd('/') + "/negotiate";
        builder.Query = AppendQuery(builder.Query, "negotiateVersion=1");
        using var request = new HttpRequestMessage(HttpMethod.Post, builder.Uri);
        AddHeaders(request, builder.Uri, options);
        using var response = await (options.HttpClient ?? SharedHttp).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new HubConnectionClosedException($"Negotiation failed: {error.GetString()}");
        }

        if (root.TryGetProperty("url", out _))
        {
            throw new NotSupportedException("Negotiate redirects (Azure SignalR) are not supported.");
        }

        var connectionId = root.GetProperty("connectionId").GetString();
        var token = root.TryGetProperty("connectionToken", out var t) ? t.GetString() : connectionId;
        return (connectionId, token);
    }

    private static void AddHeaders(HttpRequestMessage request, Uri uri, HubClientOptions options)
    {
        foreach (var (name, value) in options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var cookies = options.Cookies?.GetCookieHeader(uri);
        if (!string.IsNullOrEmpty(cookies))
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookies);
        }
    }

    private static Uri WebSocketUri(Uri hubUrl, string? token)
    {
        var builder = new UriBuilder(hubUrl)
        {
            Scheme = hubUrl.Scheme == Uri.UriSchemeHttps || hubUrl.Scheme == "wss" ? "wss" : "ws",
        };
        if (token is not null)
        {
            builder.Query = AppendQuery(builder.Query, "id=" + Uri.EscapeDataString(token));
        }

        return builder.Uri;
    }

    private static string AppendQuery(string query, string parameter) =>
        query.Length > 1 ? query.TrimStart('?') + "&" + parameter : parameter;

    private async Task SendMessageAsync(long? invocationId, string method, object?[] arguments, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            _sendBuffer.Clear();
            _writer.Reset(_sendBuffer);
            _writer.WriteStartObject();
            _writer.WriteNumber("type"u8, (int)HubMessageType.Invocation);
            if (invocationId is { } id)
            {
                // The protocol carries invocation ids as strings.
                _writer.WriteString("invocationId"u8, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            _writer.WriteString("target"u8, method);
            _writer.WriteStartArray("arguments"u8);
            foreach (var argument in arguments)
            {
                if (argument is null)
                {
                    _writer.WriteNullValue();
                }
                else
                {
                    JsonSerializer.Serialize(_writer, argument, argument.GetType(), _json);
                }
            }

            _writer.WriteEndArray();
            _writer.WriteEndObject();
            _writer.Flush();
            _sendBuffer.GetSpan(1)[0] = RecordSeparator;
            _sendBuffer.Advance(1);
            // Not cancellable: cancelling a WebSocket send aborts the socket.
            await _socket.SendAsync(_sendBuffer.WrittenMemory, WebSocketMessageType.Text, true, CancellationToken.None);
            Volatile.Write(ref _lastSendTicks, Environment.TickCount64);
        }
        catch (WebSocketException e)
        {
            throw new HubConnectionClosedException($"Sending '{method}' failed: the connection is closed.", e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendRawAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
            Volatile.Write(ref _lastSendTicks, Environment.TickCount64);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void SendKeepAlive()
    {
        if (_isClosed || Environment.TickCount64 - Volatile.Read(ref _lastSendTicks) < _options.KeepAliveInterval.TotalMilliseconds / 2)
        {
            return;
        }

        _ = SendRawAsync(PingMessage, CancellationToken.None).ContinueWith(
            static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var count = 0;
        Exception? error = null;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(count), _stopping.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    error = _socket.CloseStatus is WebSocketCloseStatus.NormalClosure or WebSocketCloseStatus.EndpointUnavailable or null
                        ? null
                        : new HubConnectionClosedException($"The server closed the WebSocket: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
                    break;
                }

                // Only the new bytes can hold a separator: what was left over had none.
                var scanFrom = count;
                count += result.Count;
                var consumed = 0;
                var keepReading = true;
                int index;
                while (keepReading && (index = buffer.AsSpan(scanFrom, count - scanFrom).IndexOf(RecordSeparator)) >= 0)
                {
                    var end = scanFrom + index;
                    keepReading = ProcessRecord(buffer.AsMemory(consumed, end - consumed), out error);
                    consumed = end + 1;
                    scanFrom = consumed;
                }

                if (!keepReading)
                {
                    break;
                }

                buffer.AsSpan(consumed, count - consumed).CopyTo(buffer);
                count -= consumed;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // StopAsync gave up waiting for the close handshake.
        }
        catch (Exception e)
        {
            // Whatever ends the loop, callers must learn that the connection is over.
            error = new HubConnectionClosedException("The connection failed: " + e.Message, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        OnClosed(error);
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _sendLock.WaitAsync();
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Best effort: the peer may already be gone.
            }
        }
    }

    /// <summary>Handles one record; false when the connection is over (a close message or a refused handshake).</summary>
    private bool ProcessRecord(ReadOnlyMemory<byte> record, out Exception? closeError)
    {
        closeError = null;
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        if (!_handshake.Task.IsCompleted)
        {
            if (root.TryGetProperty("error", out var refused))
            {
                closeError = new HubConnectionClosedException($"The server refused the handshake: {refused.GetString()}");
                _handshake.TrySetException(closeError);
                return false;
            }

            _handshake.TrySetResult();
            return true;
        }

        switch ((HubMessageType)root.GetProperty("type").GetInt32())
        {
            case HubMessageType.Invocation:
                Dispatch(root);
                return true;
            case HubMessageType.Completion:
                Complete(root);
                return true;
            case HubMessageType.Close:
                if (root.TryGetProperty("error", out var reason) && reason.GetString() is { } message)
                {
                    closeError = new HubConnectionClosedException($"The server closed the connection: {message}");
                }

                return false;
            default:
                // Pings need no answer (our keep-alive covers the client timeout); streams are not used by our hubs.
                return true;
        }
    }

    private void Complete(JsonElement root)
    {
        var raw = JsonMarshal.GetRawUtf8Value(root.GetProperty("invocationId"));
        if (!Utf8Parser.TryParse(raw[1..^1], out long id, out _) || !_pending.TryRemove(id, out var pending))
        {
            return;
        }

        if (root.TryGetProperty("error", out var error))
        {
            pending.Fail(new HubInvocationException(pending.Method, error.GetString() ?? "The hub method failed."));
        }
        else
        {
            pending.Complete(root.TryGetProperty("result", out var result) ? result : default, _json);
        }
    }

    private void Dispatch(JsonElement root)
    {
        var target = root.GetProperty("target").GetString() ?? "";
        var argument = root.TryGetProperty("arguments", out var arguments) && arguments.GetArrayLength() > 0 ? arguments[0] : default;
        if (_handlers.TryGetValue(target, out var handlers))
        {
            foreach (var handler in handlers)
            {
                try
                {
                    handler.Invoke(argument, _json);
                }
                catch (Exception e)
                {
                    _handlerErrors.Enqueue(e);
                }
            }
        }

        if (_options.EventHistory == 0 && Volatile.Read(ref _waiterCount) == 0)
        {
            return;
        }

        lock (_eventsLock)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target == target && _waiters[i].TryComplete(argument, _json))
                {
                    _waiters.RemoveAt(i);
                    _waiterCount--;
                }
            }

            if (_options.EventHistory > 0)
            {
                if (_history.Count == _options.EventHistory)
                {
                    _history.Dequeue();
                }

                _history.Enqueue(new ReceivedEvent(target, argument.ValueKind == JsonValueKind.Undefined ? default : argument.Clone()));
            }
        }
    }

    private void OnClosed(Exception? error)
    {
        _isClosed = true;
        var closed = error ?? new HubConnectionClosedException("The connection closed.");
        _handshake.TrySetException(closed);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Fail(new HubConnectionClosedException("The connection closed before the invocation completed.", error));
            }
        }

        lock (_eventsLock)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Fail(closed);
            }

            _waiters.Clear();
            _waiterCount = 0;
        }

        _closed.TrySetResult(error);
    }

    private void RemoveWaiter(IEventWaiter waiter)
    {
        lock (_eventsLock)
        {
            if (_waiters.Remove(waiter))
            {
                _waiterCount--;
            }
        }
    }

    private void RemoveHandler(string target, IHubEventHandler handler)
    {
        lock (_handlersLock)
        {
            if (!_handlers.TryGetValue(target, out var existing))
            {
                return;
            }

            var remaining = Array.FindAll(existing, h => !ReferenceEquals(h, handler));
            if (remaining.Length == 0)
            {
                _handlers.TryRemove(target, out _);
            }
            else
            {
                _handlers[target] = remaining;
            }
        }
    }
}
