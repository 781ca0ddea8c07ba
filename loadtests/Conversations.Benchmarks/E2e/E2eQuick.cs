using System.Text.Json;

namespace Conversations.Benchmarks.E2e;

/// <summary>The CI-sized end-to-end run: 1,000 live conversations, their customers on the widget hub and
/// 50 agents on the console hub, all through the shared test client, against the real server started as
/// a process of its own (this process only generates load). Customers send at a fixed offered rate
/// (latency), then at saturation (throughput); the same clients then drive the bare relay hub, also in a
/// process of its own, in the same run. Prints one JSON line last, with each process's CPU time per
/// delivered message at saturation beside the rates.</summary>
public static class E2eQuick
{
    private const int ConversationCount = 1_000;
    private const int AgentCount = 50;
    private const int OfferedPerSecond = 2_000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(8);

    public static async Task<int> RunAsync()
    {
        var recorder = new DeliveryRecorder();
        double delivered, p50, p99, offeredDelivered, saturationP99, serverCpu, serverLoadCpu;
        await using (var server = await ServerTarget.StartAsync(ConversationCount, AgentCount, recorder))
        {
            await LoadPhases.FixedRateAsync(server, recorder, OfferedPerSecond / 4, TimeSpan.FromSeconds(2));
            (offeredDelivered, p50, p99) = await LoadPhases.FixedRateAsync(server, recorder, OfferedPerSecond, Window);
            // Progress on stderr, so a profiler can be attached to the server for just this phase.
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} server {server.ProcessId}: saturation for {Window.TotalSeconds:N0} s");
            var cpuBefore = server.ProcessorTime;
            var loadBefore = LoadProcessorTime();
            (delivered, saturationP99) = await LoadPhases.SaturationAsync(server, recorder, Window);
            serverCpu = CpuMicrosPerMessage(server.ProcessorTime - cpuBefore, recorder.Delivered);
            serverLoadCpu = CpuMicrosPerMessage(LoadProcessorTime() - loadBefore, recorder.Delivered);
        }

        Console.Error.WriteLine(
            $"server: {offeredDelivered:N0}/s delivered at {OfferedPerSecond:N0}/s offered (p50 {p50:N1} ms, p99 {p99:N1} ms); saturation {delivered:N0}/s (p99 {saturationP99:N1} ms)");

        double relayDelivered, relayCpu, relayLoadCpu;
        await using (var relay = await RelayTarget.StartAsync(ConversationCount, AgentCount, recorder))
        {
            await LoadPhases.FixedRateAsync(relay, recorder, OfferedPerSecond / 4, TimeSpan.FromSeconds(2));
            var cpuBefore = relay.ProcessorTime;
            var loadBefore = LoadProcessorTime();
            (relayDelivered, _) = await LoadPhases.SaturationAsync(relay, recorder, Window);
            relayCpu = CpuMicrosPerMessage(relay.ProcessorTime - cpuBefore, recorder.Delivered);
            relayLoadCpu = CpuMicrosPerMessage(LoadProcessorTime() - loadBefore, recorder.Delivered);
        }

        Console.Error.WriteLine(
            $"relay saturation {relayDelivered:N0}/s; CPU per delivered message: server {serverCpu:N0} µs, relay {relayCpu:N0} µs; load generator {serverLoadCpu:N0} µs against the server, {relayLoadCpu:N0} µs against the relay");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            scenario = "e2e",
            conversations = ConversationCount,
            offeredPerSec = OfferedPerSecond,
            deliveredPerSec = Math.Round(delivered),
            p50Ms = Math.Round(p50, 2),
            p99Ms = Math.Round(p99, 2),
            relayDeliveredPerSec = Math.Round(relayDelivered),
            ratio = Math.Round(delivered / relayDelivered, 3),
            offeredDeliveredPerSec = Math.Round(offeredDelivered),
            saturationP99Ms = Math.Round(saturationP99, 2),
            serverCpuMicrosPerMessage = Math.Round(serverCpu),
            relayCpuMicrosPerMessage = Math.Round(relayCpu),
            cpuRatio = Math.Round(relayCpu / serverCpu, 3),
            loadCpuMicrosPerMessage = Math.Round(serverLoadCpu),
            relayLoadCpuMicrosPerMessage = Math.Round(relayLoadCpu),
        }));
        return 0;
    }

    // This process is the load generator: its CPU shares the machine with the target's.
    private static TimeSpan LoadProcessorTime() => Environment.CpuUsage.TotalTime;

    // The CPU the target process spent per message delivered at saturation: unlike a rate, this barely
    // moves when other work shares the machine, so it shows what a change costs on a busy one.
    private static double CpuMicrosPerMessage(TimeSpan cpu, long delivered) =>
        delivered == 0 ? double.NaN : cpu.TotalMicroseconds / delivered;
}
