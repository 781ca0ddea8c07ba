using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Conversations.Benchmarks.E2e;

/// <summary>A process this benchmark starts on 127.0.0.1 (the real server, or the relay), so the load
/// generator never shares a heap or a thread pool with what it measures. Both run with the server's shipped GC
/// settings (server GC, background collections), whatever the executable's own; the child is killed, by its id,
/// when disposed.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _output;

    private ChildProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        // Drained so the child never blocks on a full pipe; only warnings and errors are logged.
        _output = Task.WhenAll(Forward(process.StandardOutput), Forward(process.StandardError));
    }

    public Uri BaseAddress { get; }

    /// <summary>The child's process id, for a profiler.</summary>
    public int Id => _process.Id;

    /// <summary>The CPU time the child has used so far (user and kernel, all threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <paramref name="executable"/> from this program's folder with <paramref name="arguments"/>,
    /// then <c>--urls</c> on a free port, and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<ChildProcess> StartAsync(string executable, IEnumerable<string> arguments, string readyPath)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, executable))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));

        // Non-concurrent GC was measured to stall the server 90-125 ms in a blocking gen2 every ~8 s at
        // 2,000 msg/s: the p99 of the latency phase was those stalls. Background gen2 runs beside the threads.
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var child = new ChildProcess(process, baseAddress);
        try
        {
            await child.WaitReadyAsync(readyPath);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _output;
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Forward(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await Console.Error.WriteLineAsync(line);
        }
    }

    private async Task WaitReadyAsync(string readyPath)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 120);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The child process exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(readyPath, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{BaseAddress}{readyPath.TrimStart('/')} did not answer 200 within 120 s.");
    }
}
