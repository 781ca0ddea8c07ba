using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Seed;
using Conversations.Testing.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Api;

/// <summary>The real server with a fresh data folder per test class, the demo seed, a site without
/// automatic assignment (so agents going online never take the tests' conversations) and a generous
/// sign-in rate limit (every test signs in).</summary>
public sealed class ApiServer : KestrelServerFixture<Program>
{
    public const string Password = "demo-password";
    public const string ManualSite = "manual";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));
    private int _manualSiteReady;

    public ApiServer()
    {
        TestStorage.Configure(Settings, _dataDirectory);
        Settings["Auth:SignInPerMinute"] = "10000";
        Settings["Auth:SignInPerAccountPerMinute"] = "10000";

        // On here (it is off by default) so that its admin-only guard is tested with the other routes'.
        Settings["Orleans:Dashboard"] = "true";

        // Every test connects from 127.0.0.1: the abuse budgets would otherwise count them all as one script.
        foreach (var (key, value) in AbuseSettings.Generous)
        {
            Settings[key] = value;
        }
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A client signed in as <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var http = CreateHttpClient(new CookieContainer());
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return http;
    }

    /// <summary>Starts a conversation on the manual site for a new contact, optionally queued for an agent.</summary>
    public async Task<(string ConversationId, string ContactId)> StartConversationAsync(bool waiting = true, IReadOnlyDictionary<string, string>? variables = null, string? text = null)
    {
        await EnsureManualSiteAsync();
        var contactId = $"contact-{Guid.NewGuid():N}";
        var contact = Grains.GetGrain<IContactGrain>(contactId);
        var snapshot = await contact.StartAsync(new ContactStart(DemoSeed.WorkspaceId, ManualSite, Variables: variables));
        if (text is not null)
        {
            await contact.SendAsync(new ContactMessage(snapshot.ConversationId, Guid.NewGuid().ToString("N"), text));
        }

        if (waiting)
        {
            await Grains.GetGrain<IConversationGrain>(snapshot.ConversationId).RequestAgentAsync(contactId);
        }

        return (snapshot.ConversationId, contactId);
    }

    /// <summary>Creates another workspace with an admin who can sign in.</summary>
    public async Task<string> CreateOtherWorkspaceAsync(string workspaceId)
    {
        var email = $"admin@{workspaceId}.test";
        var adminId = $"{workspaceId}-admin";
        await Grains.GetGrain<IWorkspaceGrain>(workspaceId).InitializeAsync(new WorkspaceSetup(workspaceId, new AgentProfile(adminId, workspaceId, email, "Other admin")));
        var hash = Services.GetRequiredService<IPasswordHasher<AccountView>>().HashPassword(null!, Password);
        await Grains.GetGrain<IAccountGrain>(email).SetAsync(adminId, workspaceId, hash);
        return email;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestStorage.DropAsync(_dataDirectory);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task EnsureManualSiteAsync()
    {
        if (Interlocked.Exchange(ref _manualSiteReady, 1) == 0)
        {
            // The demo assistant answers first, so a conversation is a bot one until it asks for an agent.
            await Grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId).UpsertSiteAsync(
                DemoSeed.AdminId,
                new SiteConfig(ManualSite, "Manual", [], AutoAssignment: false, AssistantId: DemoSeed.AssistantId));
        }
    }
}
