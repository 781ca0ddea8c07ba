using Conversations.Bots.Lifecycle;
using Conversations.Bots.Yaml;
using Conversations.Contracts;

namespace Conversations.Grains.Assistant;

/// <summary>One assistant's definitions (see <see cref="IAssistantGrain"/>); the rules are
/// <see cref="AssistantLifecycle"/>'s. Every change is one state write: when the write fails, the stored state
/// is read back, so a publish either happened whole or not at all, and the next number is never skipped.</summary>
[GrainType("AssistantGrain")]
public sealed class AssistantGrain(
    [PersistentState("assistant")] IPersistentState<AssistantGrainState> state,
    TimeProvider clock) : Grain, IAssistantGrain
{
    private AssistantLifecycle? Assistant => state.State.Assistant;

    private string WorkspaceId => this.GetPrimaryKeyString().Split('/', 2)[0];

    private string AssistantId => this.GetPrimaryKeyString().Split('/', 2) is [_, var id] ? id : string.Empty;

    public Task<AssistantView?> GetAsync() => Task.FromResult(Assistant is null ? null : View(Assistant));

    public Task<int?> GetPublishedNumberAsync() => Task.FromResult(Assistant?.CurrentVersion);

    public Task<AssistantPublication?> GetVersionAsync(int number) =>
        Task.FromResult(Assistant?.Versions.FirstOrDefault(v => v.Number == number) is { } version ? Publication(version) : null);

    public async Task<AssistantView> SaveDraftAsync(string yaml)
    {
        var definition = Load(yaml);
        if (definition.Id != AssistantId || AssistantId == AssistantKeys.DefaultResponse)
        {
            throw new DomainException(DomainErrors.InvalidArgument, AssistantId == AssistantKeys.DefaultResponse
                ? $"id: '{AssistantKeys.DefaultResponse}' is reserved for the default response."
                : $"id: this assistant is '{AssistantId}', the definition says '{definition.Id}'.");
        }

        if (Assistant is null)
        {
            // Listed first: a listed id whose first save failed reads as absent, while an unlisted assistant
            // could never be found again.
            await GrainFactory.GetGrain<IAssistantDirectoryGrain>(WorkspaceId).AddAsync(AssistantId);
            state.State.Assistant = AssistantLifecycle.Create(yaml);
        }
        else
        {
            Assistant.UpdateDraft(yaml);
        }

        state.State.Languages = [.. definition.Languages];
        await SaveAsync();
        return View(Assistant!);
    }

    public async Task<AssistantPublication> PublishAsync(string? by)
    {
        var assistant = Require();
        var version = assistant.Publish(clock.GetUtcNow(), by);
        await SaveAsync();
        return Publication(version);
    }

    public async Task<AssistantPublication> RollbackAsync(string? by)
    {
        var assistant = Require();
        AssistantVersion version;
        try
        {
            version = assistant.Rollback(clock.GetUtcNow(), by);
        }
        catch (InvalidOperationException e)
        {
            throw new DomainException(DomainErrors.InvalidTransition, $"Assistant '{AssistantId}': {e.Message}.");
        }

        await SaveAsync();
        return Publication(version);
    }

    private AssistantLifecycle Require() =>
        Assistant ?? throw new DomainException(DomainErrors.NotFound, $"No assistant '{AssistantId}' in workspace '{WorkspaceId}'.");

    private async Task SaveAsync()
    {
        state.State.UpdatedAt = clock.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }

    private static Bots.Definition.AssistantDefinition Load(string yaml)
    {
        try
        {
            return AssistantYaml.Load(yaml);
        }
        catch (AssistantYamlException e)
        {
            throw new DomainException(DomainErrors.InvalidArgument, e.Message);
        }
    }

    private AssistantView View(AssistantLifecycle assistant) => new(
        assistant.Id,
        WorkspaceId,
        assistant.Name,
        assistant.DraftYaml,
        [.. state.State.Languages],
        assistant.CurrentVersion,
        [.. assistant.Versions.Select(v => new AssistantVersionInfo(v.Number, v.PublishedAt, v.PublishedBy, v.RolledBackFrom))],
        state.State.UpdatedAt);

    private static AssistantPublication Publication(AssistantVersion version) =>
        new(version.Number, version.Yaml, version.PublishedAt, version.PublishedBy, version.RolledBackFrom);
}
