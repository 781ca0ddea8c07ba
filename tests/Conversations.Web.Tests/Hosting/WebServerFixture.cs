using Conversations.Testing.Hosting;

namespace Conversations.Web.Tests.Hosting;

/// <summary>The real server on Kestrel, serving the built web apps, with its own data folder.</summary>
public sealed class WebServerFixture : KestrelServerFixture<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "conversations-web-tests", Guid.NewGuid().ToString("N"));

    public WebServerFixture()
    {
        Settings["Storage:DataDirectory"] = _dataDirectory;
        Settings["ConnectionStrings:Conversations"] = $"Data Source={Path.Combine(_dataDirectory, "conversations.db")}";

        // Every browser test signs in from 127.0.0.1, more often than a person would in a minute.
        Settings["Auth:SignInPerMinute"] = "1000";
        Settings["Auth:SignInPerAccountPerMinute"] = "1000";

        // Every browser and test client comes from 127.0.0.1: the abuse budgets would count them as one script.
        foreach (var (key, value) in AbuseSettings.Generous)
        {
            Settings[key] = value;
        }
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
