using System.Diagnostics;
using Conversations.Testing.SignalR;

namespace Conversations.Benchmarks.E2e;

/// <summary>The baseline: the same customers and agents on <see cref="RelayHub"/>, which only forwards,
/// in its own process like the real server.</summary>
public sealed class RelayTarget : IChatTarget
{
    private readonly ChildProcess _server;
    private readonly HubClient[] _customers;
    private readonly HubClient[] _agents;

    private RelayTarget(ChildProcess server, HubClient[] customers, HubClient[] agents)
    {
        _server = server;
        _customers = customers;
        _agents = agents;
    }

    public string Name => "relay";

    public int Conversations => _customers.Length;

    public TimeSpan ProcessorTime => _server.ProcessorTime;

    public static async Task<RelayTarget> StartAsync(int conversations, int agentCount, DeliveryRecorder recorder)
    {
        var server = await ChildProcess.StartAsync("Conversations.Benchmarks", [RelayServer.Scenario], RelayServer.ReadyPath);
        try
        {
            var hubUrl = new Uri(server.BaseAddress, RelayServer.HubPath);
            var agents = await Connections.OpenAsync(agentCount, _ => HubClient.ConnectAsync(hubUrl, Connections.LoadOptions()));
            foreach (var agent in agents)
            {
                recorder.Follow(agent);
            }

            var customers = await Connections.OpenAsync(conversations, async i =>
            {
                var customer = await HubClient.ConnectAsync(hubUrl, Connections.LoadOptions());
                await customer.InvokeAsync("JoinAsCustomer", Conversation(i));
                await agents[i % agentCount].InvokeAsync("JoinAsAgent", Conversation(i));
                return customer;
            });
            return new RelayTarget(server, customers, agents);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Task SendAsync(int index, string clientMessageId) =>
        _customers[index].InvokeAsync<RelayMessage>("Send", new RelayMessage(Conversation(index), clientMessageId, "Bonjour, j'ai une question sur ma commande.", Stopwatch.GetTimestamp()));

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAsync(_customers.Concat(_agents));
        await _server.DisposeAsync();
    }

    private static string Conversation(int index) => $"c{index}";
}
