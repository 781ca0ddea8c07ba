namespace Conversations.Actors;

/// <summary>Something an activation's worker runs: an arriving request, a continuation of a running
/// one, a finished request to account for, or a control item.</summary>
internal interface IWorkItem
{
    /// <summary>Runs on the activation's worker, one item at a time.</summary>
    void Execute(ActivationData activation);
}
