namespace Conversations.Actors;

/// <summary>The placement and transport seam: every call leaves a reference through it. In one silo it
/// is an in-memory enqueue on the local activation; a multi-silo transport would serialize the request
/// (arguments and results are JSON-serializable records) and route it to the owning silo.</summary>
internal interface IGrainTransport
{
    /// <summary>Delivers a new call to the grain the reference points to.</summary>
    void Send(GrainReference target, GrainRequest request);

    /// <summary>Delivers again a call that reached an activation after it was deactivated.</summary>
    void Forward(ActivationData from, GrainRequest request);
}
