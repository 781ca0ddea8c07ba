using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>One assistant of a workspace (key: <see cref="AssistantKeys.Of"/>): its name, draft and published
/// versions, after Zendesk's lifecycle. Editing changes only the draft; a publish makes the whole draft the
/// next numbered version in one state write, and a rollback republishes the version before the current one.
/// The edge validates a definition before it gets here; the grain validates again and refuses with
/// <see cref="DomainErrors.InvalidArgument"/>.</summary>
public interface IAssistantGrain : IGrainWithStringKey
{
    /// <summary>The assistant, or null when it was never imported.</summary>
    [ReadOnly]
    Task<AssistantView?> GetAsync();

    /// <summary>The number of the version that answers customers, null when none: what the conversation's
    /// assistant turn asks for on each message, so that a publish on any silo answers the next message. Reads
    /// are <c>[ReadOnly]</c>, not interleaved with a publish: none sees a version whose write may still fail.</summary>
    [ReadOnly]
    Task<int?> GetPublishedNumberAsync();

    /// <summary>A published version with its definition; null when there is no such number.</summary>
    [ReadOnly]
    Task<AssistantPublication?> GetVersionAsync(int number);

    /// <summary>Creates the assistant with <paramref name="yaml"/> as its draft, or replaces the draft (its id
    /// must stay). The published version is untouched.</summary>
    Task<AssistantView> SaveDraftAsync(string yaml);

    /// <summary>Publishes the draft as the next version.</summary>
    Task<AssistantPublication> PublishAsync(string? by);

    /// <summary>Republishes the version before the current one; refused with
    /// <see cref="DomainErrors.InvalidTransition"/> when there is none.</summary>
    Task<AssistantPublication> RollbackAsync(string? by);
}
