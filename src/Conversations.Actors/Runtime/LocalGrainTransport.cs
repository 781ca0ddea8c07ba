namespace Conversations.Actors;

/// <summary>Single-silo transport: finds or creates the activation in the catalog and enqueues.</summary>
internal sealed class LocalGrainTransport(Catalog catalog) : IGrainTransport
{
    public void Send(GrainReference target, GrainRequest request)
    {
        var activation = target.CachedActivation;
        if (activation is null || activation.IsInvalid)
        {
            if (!catalog.TryGetOrCreate(target.GrainId, target.ClassInfo, out activation))
            {
                request.Fail(new SiloUnavailableException($"The silo is stopping; {request.Describe()} on grain {target.GrainId} was not delivered."));
                return;
            }

            target.CachedActivation = activation;
        }

        request.Target = activation;
        activation.Enqueue(request);
    }

    public void Forward(ActivationData from, GrainRequest request)
    {
        if (!catalog.TryGetOrCreate(from.GrainId, from.ClassInfo, out var activation))
        {
            request.Fail(new SiloUnavailableException($"The silo is stopping; {request.Describe()} on grain {from.GrainId} was not delivered."));
            return;
        }

        request.Target = activation;
        activation.Enqueue(request);
    }
}
