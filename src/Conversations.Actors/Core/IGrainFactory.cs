namespace Conversations.Actors;

/// <summary>Hands out grain references. Callers never hold grain objects: a reference forwards each
/// call to the single activation of (grain type, key), creating it on first use.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrainInterface"/> with this key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference through <typeparamref name="TGrainInterface"/> to the grain with this id,
    /// for interfaces several grain classes implement (such as <see cref="IRemindable"/>).</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;
}
