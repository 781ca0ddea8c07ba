using Conversations.Bots.Lifecycle;

namespace Conversations.Grains.Assistant;

/// <summary>The stored definitions of one assistant.</summary>
public sealed class AssistantGrainState
{
    /// <summary>Name, draft, published versions and the current one; null until the first save.</summary>
    public AssistantLifecycle? Assistant { get; set; }

    /// <summary>The draft's languages, kept here so reading them never parses the draft.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Last change of the draft or of the published version.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
