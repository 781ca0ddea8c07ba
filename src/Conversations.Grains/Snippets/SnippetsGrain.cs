using Conversations.Contracts;

namespace Conversations.Grains.Snippets;

/// <summary>A workspace's canned replies, in a grain of their own so that editing them never queues behind
/// (or bloats) the workspace configuration.</summary>
[GrainType("SnippetsGrain")]
public sealed class SnippetsGrain([PersistentState("snippets")] IPersistentState<SnippetsGrainState> state) : Grain, ISnippetsGrain
{
    private const int MaxSnippets = 1000;

    public Task<IReadOnlyList<Snippet>> GetAllAsync() =>
        Task.FromResult<IReadOnlyList<Snippet>>([.. state.State.Snippets.Values.OrderBy(s => s.Shortcut, StringComparer.Ordinal)]);

    public async Task<Snippet> UpsertAsync(Snippet snippet)
    {
        var snippets = state.State.Snippets;
        if (snippets.Values.Any(s => s.Id != snippet.Id && string.Equals(s.Shortcut, snippet.Shortcut, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(DomainErrors.IdTaken, $"Another snippet already uses the shortcut '{snippet.Shortcut}'.");
        }

        if (!snippets.ContainsKey(snippet.Id) && snippets.Count >= MaxSnippets)
        {
            throw new DomainException(DomainErrors.InvalidArgument, $"A workspace has at most {MaxSnippets} snippets.");
        }

        snippets[snippet.Id] = snippet;
        await state.WriteStateAsync();
        return snippet;
    }

    public async Task<bool> RemoveAsync(string id)
    {
        if (!state.State.Snippets.Remove(id))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }
}
