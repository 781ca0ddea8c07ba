using Conversations.Testing.Hosting;

namespace Conversations.Server.Tests.Abuse;

/// <summary>The real server with small abuse budgets, one per test so budgets never leak between tests.</summary>
public sealed class AbuseServer : KestrelServerFixture<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));

    public AbuseServer()
    {
        Settings["Storage:DataDirectory"] = _dataDirectory;
        Settings["ConnectionStrings:Conversations"] = $"Data Source={Path.Combine(_dataDirectory, "conversations.db")}";
        Settings["Auth:SignInPerMinute"] = "10000";
        Settings["Abuse:WidgetConnectionsPerAddress"] = "3";
        Settings["Abuse:ConsoleConnectionsPerAgent"] = "2";
        Settings["Abuse:StartsPerAddress"] = "4";
        Settings["Abuse:RequestAgentPerAddress"] = "2";
        Settings["Abuse:UploadsPerAddress"] = "100";
        Settings["Abuse:UploadsPerUploader"] = "3";
        Settings["Abuse:UploadBytesPerAddress"] = "100000000";
        Settings["Abuse:UploadBytesPerUploader"] = "2000";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
