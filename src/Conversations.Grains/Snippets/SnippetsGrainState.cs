using Conversations.Contracts;

namespace Conversations.Grains.Snippets;

/// <summary>The stored canned replies of a workspace.</summary>
public sealed class SnippetsGrainState
{
    /// <summary>Snippets by id.</summary>
    public Dictionary<string, Snippet> Snippets { get; set; } = [];
}
