using System.Net;
using Conversations.Testing.SignalR;

namespace Conversations.Benchmarks.E2e;

/// <summary>Opens many hub connections with bounded concurrency, so set-up does not stampede the server.</summary>
public static class Connections
{
    private const int Parallelism = 32;

    /// <summary>Load-generator clients keep no event history (handlers only): the generator pays only for
    /// what it measures. <c>message</c> is left to <see cref="DeliveryRecorder.Follow"/>, which binds it to its own
    /// type (the official client reads an event's arguments as the types of the target's first handler). A
    /// saturated server may be slow to ping, hence the longer server timeout.</summary>
    public static HubClientOptions LoadOptions(CookieContainer? cookies = null) =>
        new()
        {
            Cookies = cookies,
            EventHistory = 0,
            Events = [.. HubClientOptions.ContractEvents.Where(e => e != "message")],
            ServerTimeout = TimeSpan.FromSeconds(60),
        };

    public static async Task<HubClient[]> OpenAsync(int count, Func<int, Task<HubClient>> open)
    {
        var clients = new HubClient[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) => clients[i] = await open(i));
        return clients;
    }

    public static async Task CloseAsync(IEnumerable<HubClient> clients)
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
