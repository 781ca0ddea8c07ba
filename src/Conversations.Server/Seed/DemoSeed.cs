namespace Conversations.Server.Seed;

/// <summary>The ids of CONTRACT.md's demo.</summary>
public static class DemoSeed
{
    public const string WorkspaceId = "demo";
    public const string SiteId = "demo";
    public const string ChannelId = "api-demo";
    public const string AssistantId = "demo-assistant";
    public const string AdminId = "admin";
    public const string Agent1Id = "agent1";
    public const string Agent2Id = "agent2";
}
