using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>A workspace's canned replies (key: workspace id). The edge checks who may change them.</summary>
public interface ISnippetsGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<IReadOnlyList<Snippet>> GetAllAsync();

    /// <summary>Adds or replaces a snippet; refused with <see cref="DomainErrors.IdTaken"/> when another
    /// snippet has its shortcut.</summary>
    Task<Snippet> UpsertAsync(Snippet snippet);

    /// <summary>Removes a snippet; false when there was none.</summary>
    Task<bool> RemoveAsync(string id);
}
