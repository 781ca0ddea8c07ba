using System.Collections.Concurrent;
using System.Text.Json;
using Conversations.Server.Hubs.Protocol;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Testing.SignalR;

/// <summary>A typed recorder over the official SignalR client's <see cref="HubConnection"/>, for tests and
/// load tests: every event is recorded as it arrives (see <see cref="HubClientOptions.Events"/>), so a test
/// may wait for an event after the action that caused it, and results and events are read as typed records
/// (CONTRACT.md's shapes) under the JSON or the MessagePack protocol alike.</summary>
/// <remarks>Events are received as JSON trees (MessagePack ones through the server's own
/// <see cref="JsonMessagePackResolver"/>) and read into the asked type, so one recording serves any type.
/// Handlers registered with <see cref="On{T}"/> run on the connection's receive loop, in order: they must
/// not block, and must not wait for an invocation on the same connection.</remarks>
public sealed class HubClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private readonly HubConnection _connection;
    private readonly HubClientOptions _options;
    private readonly JsonSerializerOptions _json;
    private readonly HashSet<string> _listened = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action<JsonElement>[]> _handlers = new(StringComparer.Ordinal);
    private readonly Lock _handlersLock = new();
    private readonly Lock _eventsLock = new();
    private readonly Queue<ReceivedEvent> _history = new();
    private readonly List<EventWaiter> _waiters = [];
    private readonly ConcurrentQueue<Exception> _handlerErrors = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiterCount;
    private volatile bool _isClosed;
    private int _disposed;

    private HubClient(HubConnection connection, HubClientOptions options)
    {
        _connection = connection;
        _options = options;
        _json = options.SerializerOptions;
        _connection.Closed += error =>
        {
            OnClosed(error);
            return Task.CompletedTask;
        };
        foreach (var target in options.Events)
        {
            Listen(target);
        }
    }

    /// <summary>The connection id from negotiate; null when negotiation was skipped.</summary>
    public string? ConnectionId => _connection.ConnectionId;

    /// <summary>True until the connection closes.</summary>
    public bool IsConnected => !_isClosed && _connection.State == HubConnectionState.Connected;

    /// <summary>Completes when the connection ends: null for a normal close, otherwise the reason.</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>Exceptions thrown by <see cref="On{T}"/> handlers; they are kept here rather than ending the connection.</summary>
    public IReadOnlyCollection<Exception> HandlerErrors => _handlerErrors;

    /// <summary>The underlying connection, for what this recorder does not wrap (streams, reconnection…).</summary>
    public HubConnection Connection => _connection;

    /// <summary>Negotiates (unless skipped), opens the WebSocket and completes the handshake.</summary>
    /// <param name="hubUrl">The hub's http(s) address, e.g. <c>http://127.0.0.1:5080/hubs/widget</c>.</param>
    /// <param name="options">Protocol, cookies, headers and timeouts; defaults when null.</param>
    /// <param name="cancellationToken">Cancels connecting (on top of <see cref="HubClientOptions.ConnectTimeout"/>).</param>
    public static async Task<HubClient> ConnectAsync(Uri hubUrl, HubClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        options ??= new HubClientOptions();
        var builder = new HubConnectionBuilder().WithUrl(hubUrl, HttpTransportType.WebSockets, http =>
        {
            http.SkipNegotiation = options.SkipNegotiation;
            if (options.Cookies is not null)
            {
                http.Cookies = options.Cookies;
            }

            foreach (var (name, value) in options.Headers)
            {
                http.Headers[name] = value;
            }
        });
        if (options.Protocol == HubClientProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol(m => m.SerializerOptions = JsonMessagePackResolver.SerializerOptions(options.SerializerOptions));
        }
        else
        {
            builder.AddJsonProtocol(j => j.PayloadSerializerOptions = options.SerializerOptions);
        }

        var connection = builder.Build();
        connection.KeepAliveInterval = options.KeepAliveInterval;
        connection.ServerTimeout = options.ServerTimeout;
        connection.HandshakeTimeout = options.ConnectTimeout;
        var client = new HubClient(connection, options);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            await connection.StartAsync(timeout.Token);
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
        InvokeCoreAsync<object>(method, [argument], cancellationToken);

    /// <summary>Invokes a hub method with any number of arguments (none included) and returns its result.</summary>
    public async Task<T> InvokeCoreAsync<T>(string method, object?[] arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            return (T)(await _connection.InvokeCoreAsync(method, typeof(T), arguments, cancellationToken))!;
        }
        catch (HubException e)
        {
            throw new HubInvocationException(method, e.Message, e);
        }
        catch (Exception e) when (IsClosure(e, cancellationToken))
        {
            throw new HubConnectionClosedException($"The connection closed before '{method}' completed.", e);
        }
    }

    /// <summary>Sends a hub method invocation without waiting for it to run (no invocation id, no result).</summary>
    public Task SendAsync(string method, object? argument, CancellationToken cancellationToken = default) =>
        SendCoreAsync(method, [argument], cancellationToken);

    /// <summary>Sends a hub method invocation with any number of arguments without waiting for it to run.</summary>
    public async Task SendCoreAsync(string method, object?[] arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            await _connection.SendCoreAsync(method, arguments, cancellationToken);
        }
        catch (Exception e) when (IsClosure(e, cancellationToken))
        {
            throw new HubConnectionClosedException($"The connection is closed; '{method}' was not sent.", e);
        }
    }

    /// <summary>Calls <paramref name="handler"/> with the first argument of every server invocation of
    /// <paramref name="target"/>, read as <typeparamref name="T"/>; dispose the result to stop.</summary>
    public IDisposable On<T>(string target, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(handler);
        Action<JsonElement> registration = argument => handler(Read<T>(argument));
        lock (_handlersLock)
        {
            Listen(target);
            // Copy-on-write: the receive loop reads the arrays without a lock.
            _handlers[target] = _handlers.TryGetValue(target, out var existing) ? [.. existing, registration] : [registration];
        }

        return new HubSubscription(() => RemoveHandler(target, registration));
    }

    /// <summary>The recorded <paramref name="target"/> events so far (up to <see cref="HubClientOptions.EventHistory"/>), oldest first.</summary>
    public IReadOnlyList<T> Received<T>(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_eventsLock)
        {
            return [.. _history.Where(e => e.Target == target).Select(e => Read<T>(e.Argument))];
        }
    }

    /// <summary>Waits for a server invocation of <paramref name="target"/> whose first argument, read as
    /// <typeparamref name="T"/>, matches <paramref name="predicate"/>. Events received since the connection
    /// opened count too (up to <see cref="HubClientOptions.EventHistory"/>), so waiting after the action that
    /// causes the event is safe.</summary>
    /// <exception cref="TimeoutException">Nothing matched in time (10 s by default).</exception>
    public async Task<T> WaitForAsync<T>(string target, Func<T, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = new EventWaiter(target, argument => TryMatch(argument, predicate, found), e => found.TrySetException(e));
        lock (_eventsLock)
        {
            Listen(target);
            if (!_history.Any(received => received.Target == target && waiter.TryComplete(received.Argument)))
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
            return await found.Task.WaitAsync(wait, cancellationToken);
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

    /// <summary>Closes the connection; pending invocations fail with <see cref="HubConnectionClosedException"/>.</summary>
    public Task StopAsync() => _connection.StopAsync();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _connection.DisposeAsync();
        // A connection that never started raises no Closed event.
        OnClosed(null);
    }

    private bool TryMatch<T>(JsonElement argument, Func<T, bool>? predicate, TaskCompletionSource<T> found)
    {
        try
        {
            var value = Read<T>(argument);
            return (predicate is null || predicate(value)) && found.TrySetResult(value);
        }
        catch (Exception e)
        {
            // A predicate or shape error is the test's failure to report, not the connection's.
            return found.TrySetException(e);
        }
    }

    private T Read<T>(JsonElement argument) =>
        argument is T same ? same : argument.Deserialize<T>(_json)!;

    private bool IsClosure(Exception error, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (_isClosed || _connection.State != HubConnectionState.Connected)
        && error is InvalidOperationException or OperationCanceledException or IOException;

    // The connection binds an event's arguments by the types of the method's first handler: one handler per
    // target, reading a JSON tree, leaves the type to each of our handlers and waiters.
    private void Listen(string target)
    {
        lock (_listened)
        {
            if (_listened.Add(target))
            {
                _connection.On<JsonElement>(target, argument => Dispatch(target, argument));
            }
        }
    }

    private void Dispatch(string target, JsonElement argument)
    {
        if (_handlers.TryGetValue(target, out var handlers))
        {
            foreach (var handler in handlers)
            {
                try
                {
                    handler(argument);
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
                if (_waiters[i].Target == target && _waiters[i].TryComplete(argument))
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

                _history.Enqueue(new ReceivedEvent(target, argument));
            }
        }
    }

    private void OnClosed(Exception? error)
    {
        _isClosed = true;
        var closed = new HubConnectionClosedException("The connection closed.", error);
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

    private void RemoveWaiter(EventWaiter waiter)
    {
        lock (_eventsLock)
        {
            if (_waiters.Remove(waiter))
            {
                _waiterCount--;
            }
        }
    }

    private void RemoveHandler(string target, Action<JsonElement> handler)
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
