using System.Net;
using System.Net.Http.Json;
using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Conversations.Testing.SignalR;

namespace Conversations.Benchmarks.E2e;

/// <summary>The real server in its own process (SQLite in a fresh data folder, demo seed) with customers on
/// the widget hub, each in a live conversation, and agents on the console hub, all set up through the
/// public surface: REST for the agents, the hubs for everything else.</summary>
public sealed class ServerTarget : IChatTarget
{
    private const string AdminEmail = "admin@demo.test";
    private const string DemoPassword = "demo-password";
    private const string AgentPassword = "bench-password";
    private const string Text = "Bonjour, j'ai une question sur ma commande.";

    private static readonly string[] AbuseBudgets =
        ["WidgetConnectionsPerAddress", "ConsoleConnectionsPerAgent", "StartsPerAddress", "StartsPerSite", "RequestAgentPerAddress", "UploadsPerAddress", "UploadsPerUploader"];

    private readonly ChildProcess _server;
    private readonly string _dataDirectory;
    private readonly HubClient[] _customers;
    private readonly string[] _conversationIds;
    private readonly HubClient[] _agents;

    private ServerTarget(ChildProcess server, string dataDirectory, HubClient[] customers, string[] conversationIds, HubClient[] agents)
    {
        _server = server;
        _dataDirectory = dataDirectory;
        _customers = customers;
        _conversationIds = conversationIds;
        _agents = agents;
    }

    public string Name => "server";

    public int Conversations => _customers.Length;

    public TimeSpan ProcessorTime => _server.ProcessorTime;

    /// <summary>The server's process id.</summary>
    public int ProcessId => _server.Id;

    public static async Task<ServerTarget> StartAsync(int conversations, int agentCount, DeliveryRecorder recorder)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-e2e-" + Guid.NewGuid().ToString("N"));
        var server = await ChildProcess.StartAsync("Conversations.Server",
        [
            "--contentRoot", AppContext.BaseDirectory,
            "--Storage:DataDirectory", dataDirectory,
            "--Logging:LogLevel:Default", "Warning",
            "--Auth:SignInPerMinute", "100000",
            "--Hubs:InvocationsPerSecond", "100000",
            "--Hubs:InvocationBurst", "100000",

            // 1,000 customers from 127.0.0.1 are one address to the abuse budgets: raise them all.
            ..AbuseBudgets.SelectMany(budget => new[] { $"--Abuse:{budget}", "1000000" }),
        ], "/health/ready");
        try
        {
            var (customers, conversationIds, agents) = await ConnectAsync([server.BaseAddress], conversations, agentCount, recorder);
            return new ServerTarget(server, dataDirectory, customers, conversationIds, agents);
        }
        catch
        {
            await server.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    public Task SendAsync(int index, string clientMessageId) =>
        _customers[index].InvokeAsync<DeliveredMessage>("send", new { conversationId = _conversationIds[index], clientMessageId, text = Text });

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAsync(_customers.Concat(_agents));
        await _server.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>Creates the agents, then connects customer <c>i</c> to node <c>i % n</c> and agent <c>i</c> to
    /// node <c>(i + 1) % n</c> of <paramref name="nodes"/>, so on a cluster most chats cross nodes.</summary>
    internal static async Task<(HubClient[] Customers, string[] ConversationIds, HubClient[] Agents)> ConnectAsync(
        IReadOnlyList<Uri> nodes, int conversations, int agentCount, DeliveryRecorder recorder)
    {
        var capacity = (conversations / agentCount) + 5;
        await CreateAgentsAsync(nodes[0], agentCount, capacity);
        var agents = await Connections.OpenAsync(agentCount, i => ConnectAgentAsync(nodes[(i + 1) % nodes.Count], $"bench{i}@demo.test", recorder));

        var conversationIds = new string[conversations];
        var live = new Task[conversations];
        var customers = await Connections.OpenAsync(conversations, async i =>
        {
            var customer = await HubClient.ConnectAsync(new Uri(nodes[i % nodes.Count], "/hubs/widget"), Connections.LoadOptions());
            var assigned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            customer.On<ConversationState>("state", s =>
            {
                if (s.Status == ConversationStatus.Live)
                {
                    assigned.TrySetResult();
                }
            });
            live[i] = assigned.Task;
            var started = await customer.InvokeAsync<StartResult>("start", new { siteId = "demo", locale = "fr" });
            conversationIds[i] = started.ConversationId;
            if ((await customer.InvokeAsync<ConversationState>("requestAgent", new { conversationId = started.ConversationId })).Status == ConversationStatus.Live)
            {
                assigned.TrySetResult();
            }

            return customer;
        });

        // Routing assigns asynchronously; the load starts once every conversation has its agent. Under
        // load, routing has been seen to leave conversations waiting with agents free: agents then take
        // them by hand, as the console lets them.
        if (!await AllAsync(live, TimeSpan.FromSeconds(30)))
        {
            var left = Enumerable.Range(0, conversations).Where(i => !live[i].IsCompleted).ToList();
            await Console.Error.WriteLineAsync($"{left.Count} conversations still waiting after 30 s; agents take them.");
            await Parallel.ForEachAsync(left, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                try
                {
                    await agents[i % agentCount].InvokeAsync<ConversationSummary>("take", new { conversationId = conversationIds[i] });
                }
                catch (HubInvocationException)
                {
                    // Routing assigned it meanwhile.
                }
            });
        }

        if (!await AllAsync(live, TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"{live.Count(t => !t.IsCompleted)} of {conversations} conversations have no agent after 90 s.");
        }

        return (customers, conversationIds, agents);
    }

    private static async Task<bool> AllAsync(Task[] tasks, TimeSpan timeout)
    {
        var all = Task.WhenAll(tasks);
        return await Task.WhenAny(all, Task.Delay(timeout)) == all;
    }

    private static async Task CreateAgentsAsync(Uri baseAddress, int count, int capacity)
    {
        using var admin = await SignInAsync(baseAddress, AdminEmail, DemoPassword, new CookieContainer());
        (await admin.PutAsJsonAsync("/api/settings", new { licences = count + 10 })).EnsureSuccessStatusCode();
        for (var i = 0; i < count; i++)
        {
            using var created = await admin.PostAsJsonAsync("/api/agents", new
            {
                email = $"bench{i}@demo.test",
                password = AgentPassword,
                displayName = $"Bench {i}",
                capacity,
                licensed = true,
            });
            created.EnsureSuccessStatusCode();
        }
    }

    private static async Task<HubClient> ConnectAgentAsync(Uri baseAddress, string email, DeliveryRecorder recorder)
    {
        var cookies = new CookieContainer();
        using (await SignInAsync(baseAddress, email, AgentPassword, cookies))
        {
            // Signed in: the cookie is in the container the hub connection sends.
        }

        var agent = await HubClient.ConnectAsync(new Uri(baseAddress, "/hubs/console"), Connections.LoadOptions(cookies));
        recorder.Follow(agent);
        await agent.InvokeAsync("setStatus", new { status = "online" });
        return agent;
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password, CookieContainer cookies)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
        using var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return http;
    }
}
