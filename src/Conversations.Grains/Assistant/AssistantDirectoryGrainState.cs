namespace Conversations.Grains.Assistant;

/// <summary>The stored list of a workspace's assistants.</summary>
public sealed class AssistantDirectoryGrainState
{
    /// <summary>Assistant ids, in the order they were first saved.</summary>
    public List<string> AssistantIds { get; set; } = [];
}
