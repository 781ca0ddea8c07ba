using Conversations.Testing.Hosting;

namespace Conversations.Server.Tests;

/// <summary>The real server on Kestrel with its own data folder, so test runs never share a database.</summary>
public sealed class ServerFixture : KestrelServerFixture<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));

    public ServerFixture()
    {
        TestStorage.Configure(Settings, _dataDirectory);
    }

    public string DataDirectory => _dataDirectory;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestStorage.DropAsync(_dataDirectory);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
