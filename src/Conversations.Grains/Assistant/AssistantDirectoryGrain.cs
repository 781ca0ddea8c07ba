using Conversations.Contracts;

namespace Conversations.Grains.Assistant;

/// <summary>A workspace's assistant ids (see <see cref="IAssistantDirectoryGrain"/>).</summary>
[GrainType("AssistantDirectoryGrain")]
public sealed class AssistantDirectoryGrain(
    [PersistentState("assistants")] IPersistentState<AssistantDirectoryGrainState> state) : Grain, IAssistantDirectoryGrain
{
    private const int MaxAssistants = 500;

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.AssistantIds]);

    public async Task AddAsync(string assistantId)
    {
        if (state.State.AssistantIds.Contains(assistantId))
        {
            return;
        }

        if (state.State.AssistantIds.Count >= MaxAssistants)
        {
            throw new DomainException(DomainErrors.InvalidArgument, $"A workspace has at most {MaxAssistants} assistants.");
        }

        state.State.AssistantIds.Add(assistantId);
        await state.WriteStateAsync();
    }
}
