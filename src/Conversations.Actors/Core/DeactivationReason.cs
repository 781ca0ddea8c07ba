namespace Conversations.Actors;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>The grain called <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,

    /// <summary>The activation was idle longer than its collection age.</summary>
    ActivationIdle,

    /// <summary>A state write found a newer version in storage; the activation reloads on next use.</summary>
    InconsistentState,

    /// <summary>The silo is stopping.</summary>
    ShuttingDown,

    /// <summary>Activation (constructor or <c>OnActivateAsync</c>) failed.</summary>
    ActivationFailed,
}
