namespace Conversations.Actors;

/// <summary>The life cycle of an activation.</summary>
internal enum ActivationStatus
{
    /// <summary>In the catalog, grain not yet constructed.</summary>
    Created,

    /// <summary>Constructing, reading state, running <c>OnActivateAsync</c>; requests wait.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Running <c>OnDeactivateAsync</c>; requests wait and are forwarded afterwards.</summary>
    Deactivating,

    /// <summary>Gone from the catalog; anything that still arrives is forwarded to a new activation.</summary>
    Invalid,
}
