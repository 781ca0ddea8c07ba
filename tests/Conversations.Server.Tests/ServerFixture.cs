using Conversations.Server.Tests.Support;
using Conversations.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversations.Server.Tests;

/// <summary>The real server on Kestrel with its own data folder, so test runs never share a database; its
/// log is captured in <see cref="Logs"/>; subclasses add settings in their constructors.</summary>
public class ServerFixture : KestrelServerFixture<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));

    public ServerFixture()
    {
        TestStorage.Configure(Settings, _dataDirectory);

        // Every test connects from 127.0.0.1: the abuse budgets would otherwise count them all as one script.
        foreach (var (key, value) in AbuseSettings.Generous)
        {
            Settings[key] = value;
        }
    }

    public string DataDirectory => _dataDirectory;

    public CapturedLogs Logs { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestStorage.DropAsync(_dataDirectory);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}
