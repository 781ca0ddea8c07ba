namespace Conversations.Bots.Testing;

/// <summary>A botmaster's test file: dialogues run against an assistant definition.</summary>
public sealed class BotTestFile
{
    public List<BotTestDialogue> Dialogues { get; set; } = [];
}
