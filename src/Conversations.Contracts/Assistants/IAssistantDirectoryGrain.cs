using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>The ids of a workspace's assistants (key: workspace id), for listing. An assistant grain adds
/// itself when it is first saved; the directory never calls an assistant back.</summary>
public interface IAssistantDirectoryGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>Adds an assistant id; adding one already listed changes nothing.</summary>
    Task AddAsync(string assistantId);
}
