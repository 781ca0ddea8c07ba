using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Conversations.Testing.Cluster;

/// <summary>One published server (<c>Conversations.Server</c> beside the running program) as a process of
/// its own on 127.0.0.1, so it can be killed as a machine dies. Killed, by its id, when disposed.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Task _output;
    private readonly ConcurrentQueue<string> _lastLines = new();

    private NodeProcess(Process process, Uri baseAddress, string dataDirectory, int? gatewayPort)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        GatewayPort = gatewayPort;
        _output = Task.WhenAll(KeepAsync(process.StandardOutput), KeepAsync(process.StandardError));
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary><c>Orleans:GatewayPort</c> when the settings fixed it.</summary>
    public int? GatewayPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node wrote, for a failure message.</summary>
    public string Log => string.Join('\n', _lastLines);

    /// <summary>Starts a node with <paramref name="settings"/> (configuration keys, given as
    /// <c>--key value</c>) on a free HTTP port and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<NodeProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan readyWithin)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var dataDirectory = settings.TryGetValue("Storage:DataDirectory", out var configured)
            ? configured
            : Path.Combine(Path.GetTempPath(), "conversations-node-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Conversations.Server"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--contentRoot", AppContext.BaseDirectory, "--urls", baseAddress.ToString().TrimEnd('/'), "--Storage:DataDirectory", dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings.Where(s => s.Key != "Storage:DataDirectory"))
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }

        var gatewayPort = settings.TryGetValue("Orleans:GatewayPort", out var gateway) ? int.Parse(gateway, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var node = new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("Conversations.Server did not start."), baseAddress, dataDirectory, gatewayPort);
        try
        {
            await node.WaitReadyAsync(readyWithin);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>A free TCP port on loopback (for HTTP, the silo and the gateway).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops a node: the host shuts down gracefully (Kestrel drains its
    /// requests, the silo leaves the cluster and hands its grains over, the storage writers flush).</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("kill did not start.");
            kill.WaitForExit();
        }
    }

    /// <summary>Waits for the process to exit by itself; its exit code, or null when it still ran after <paramref name="within"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        await _output;
        _process.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task KeepAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > KeptLines && _lastLines.TryDequeue(out _))
            {
            }
        }
    }

    private async Task WaitReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * within.TotalSeconds);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node exited with code {_process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the request timeout.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{BaseAddress}health/ready did not answer 200 within {within.TotalSeconds:N0} s:\n{Log}");
    }
}
