namespace Conversations.Testing.Hosting;

/// <summary>Abuse budgets for test servers whose every client comes from 127.0.0.1.</summary>
public static class AbuseSettings
{
    public static IReadOnlyDictionary<string, string> Generous { get; } = new Dictionary<string, string>
    {
        ["Abuse:WidgetConnectionsPerAddress"] = "100000",
        ["Abuse:ConsoleConnectionsPerAgent"] = "100000",
        ["Abuse:StartsPerAddress"] = "100000",
        ["Abuse:StartsPerSite"] = "100000",
        ["Abuse:RequestAgentPerAddress"] = "100000",
        ["Abuse:UploadsPerAddress"] = "100000",
        ["Abuse:UploadsPerUploader"] = "100000",
        ["Abuse:UploadBytesPerAddress"] = "2000000000",
        ["Abuse:UploadBytesPerUploader"] = "2000000000",
    };
}
