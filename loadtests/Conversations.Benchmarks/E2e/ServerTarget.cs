using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Testing.Hosting;
using Conversations.Testing.SignalR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Benchmarks.E2e;

/// <summary>The real server (SQLite in a fresh data folder, demo seed) with customers on the widget hub,
/// each in a live conversation, and agents on the console hub — everything through the public surface
/// except the set-up of the extra agents, which goes through the workspace grain.</summary>
public sealed class ServerTarget : IChatTarget
{
    private const string Admin = "admin";
    private const string Workspace = "demo";

    private readonly KestrelServerFixture<Program> _server;
    private readonly string _dataDirectory;
    private readonly HubClient[] _customers;
    private readonly string[] _conversationIds;
    private readonly HubClient[] _agents;

    private ServerTarget(KestrelServerFixture<Program> server, string dataDirectory, HubClient[] customers, string[] conversationIds, HubClient[] agents)
    {
        _server = server;
        _dataDirectory = dataDirectory;
        _customers = customers;
        _conversationIds = conversationIds;
        _agents = agents;
    }

    public string Name => "server";

    public int Conversations => _customers.Length;

    public static async Task<ServerTarget> StartAsync(int conversations, int agentCount, DeliveryRecorder recorder)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-e2e-" + Guid.NewGuid().ToString("N"));

        // WebApplicationFactory finds a test project's content root from build metadata a benchmark does not
        // have; the server's appsettings.json is copied next to this program, so that folder serves.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CONVERSATIONS_SERVER", AppContext.BaseDirectory);
        var server = new KestrelServerFixture<Program>();
        server.Settings["Storage:DataDirectory"] = dataDirectory;
        server.Settings["Logging:LogLevel:Default"] = "Warning";
        server.Settings["Auth:SignInPerMinute"] = "100000";
        server.Settings["Hubs:InvocationsPerSecond"] = "100000";
        server.Settings["Hubs:InvocationBurst"] = "100000";
        var baseAddress = server.BaseAddress;

        var capacity = (conversations / agentCount) + 5;
        var agentIds = await CreateAgentsAsync(server.Services, agentCount, capacity);
        var agents = await Connections.OpenAsync(agentCount, i => ConnectAgentAsync(baseAddress, agentIds[i], recorder));

        var conversationIds = new string[conversations];
        var customers = await Connections.OpenAsync(conversations, async i =>
        {
            // Like the agents, customers keep no event history: the load generator pays only for what it measures.
            var customer = await HubClient.ConnectAsync(new Uri(baseAddress, "/hubs/widget"), new HubClientOptions { EventHistory = 0 });
            var started = await customer.InvokeAsync<JsonElement>("start", new { siteId = "demo", locale = "fr" });
            conversationIds[i] = started.GetProperty("conversationId").GetString()!;
            await customer.InvokeAsync<JsonElement>("requestAgent", new { conversationId = conversationIds[i] });
            return customer;
        });
        await WaitAllLiveAsync(server.Services.GetRequiredService<IGrainFactory>(), conversationIds);
        return new ServerTarget(server, dataDirectory, customers, conversationIds, agents);
    }

    public Task SendAsync(int index, string clientMessageId) =>
        _customers[index].InvokeAsync<JsonElement>("send", new { conversationId = _conversationIds[index], clientMessageId, text = "Bonjour, j'ai une question sur ma commande." });

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAsync(_customers.Concat(_agents));
        await _server.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task<string[]> CreateAgentsAsync(IServiceProvider services, int count, int capacity)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var hasher = services.GetRequiredService<IPasswordHasher<AccountView>>();
        var workspace = grains.GetGrain<IWorkspaceGrain>(Workspace);
        await workspace.SetLicenceCountAsync(Admin, count + 10);
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = $"bench{i}";
            var profile = new AgentProfile(ids[i], Workspace, $"{ids[i]}@demo.test", $"Bench {i}", Capacity: capacity);
            await workspace.UpsertAgentAsync(Admin, profile);
            await workspace.SetLicenceAsync(Admin, ids[i], licensed: true);
            await grains.GetGrain<IAccountGrain>(profile.Email).SetAsync(ids[i], Workspace, hasher.HashPassword(null!, "bench-password"));
        }

        return ids;
    }

    private static async Task<HubClient> ConnectAgentAsync(Uri baseAddress, string agentId, DeliveryRecorder recorder)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = $"{agentId}@demo.test", password = "bench-password" });
        login.EnsureSuccessStatusCode();
        var agent = await HubClient.ConnectAsync(new Uri(baseAddress, "/hubs/console"), new HubClientOptions { Cookies = cookies, EventHistory = 0 });
        agent.On<JsonElement>("message", m =>
        {
            if (m.TryGetProperty("clientMessageId", out var id) && id.ValueKind == JsonValueKind.String)
            {
                recorder.Received(id.GetString());
            }
        });
        await agent.InvokeAsync("setStatus", new { status = "online" });
        return agent;
    }

    // Routing assigns asynchronously; the load starts once every conversation has its agent.
    private static async Task WaitAllLiveAsync(IGrainFactory grains, string[] conversationIds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var id in conversationIds)
        {
            while ((await grains.GetGrain<IConversationGrain>(id).GetStateAsync()).Status != ConversationStatus.Live)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Conversation {id} was not assigned to an agent within 60 s.");
                }

                await Task.Delay(20);
            }
        }
    }
}
