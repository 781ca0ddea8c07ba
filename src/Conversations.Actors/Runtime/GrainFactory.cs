namespace Conversations.Actors;

/// <summary>Creates grain references.</summary>
internal sealed class GrainFactory(SiloRuntime runtime) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var classInfo = runtime.Manifest.GetByInterface(typeof(TGrainInterface));
        return GrainReference.Create<TGrainInterface>(runtime, new GrainId(classInfo.TypeName, key), classInfo);
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain
    {
        var classInfo = runtime.Manifest.GetByTypeName(grainId.Type);
        if (!typeof(TGrainInterface).IsAssignableFrom(classInfo.ClassType))
        {
            throw new ArgumentException($"Grain {grainId} ({classInfo.ClassType.Name}) does not implement {typeof(TGrainInterface).Name}.", nameof(grainId));
        }

        return GrainReference.Create<TGrainInterface>(runtime, grainId, classInfo);
    }
}
