namespace Conversations.Actors;

/// <summary>Which activation and request the current thread is running a turn for. Thread-static
/// rather than AsyncLocal: turns only run on activation workers, and continuations come back through
/// the request's SynchronizationContext, which sets these again, so nothing needs to flow with the
/// ExecutionContext.</summary>
internal static class RuntimeContext
{
    [ThreadStatic]
    private static ActivationData? s_activation;

    [ThreadStatic]
    private static GrainRequest? s_request;

    /// <summary>The activation whose turn runs on this thread, or null outside grain code.</summary>
    public static ActivationData? CurrentActivation => s_activation;

    /// <summary>The request whose turn runs on this thread: the parent of calls made from it.</summary>
    public static GrainRequest? CurrentRequest => s_request;

    /// <summary>Enters a turn; returns the previous context to restore with <see cref="Exit"/>.</summary>
    public static Saved Enter(ActivationData activation, GrainRequest? request)
    {
        var saved = new Saved(s_activation, s_request, SynchronizationContext.Current);
        s_activation = activation;
        s_request = request;
        SynchronizationContext.SetSynchronizationContext(request);
        return saved;
    }

    /// <summary>Leaves a turn.</summary>
    public static void Exit(in Saved saved)
    {
        s_activation = saved.Activation;
        s_request = saved.Request;
        SynchronizationContext.SetSynchronizationContext(saved.Context);
    }

    /// <summary>The context before a turn was entered.</summary>
    internal readonly record struct Saved(ActivationData? Activation, GrainRequest? Request, SynchronizationContext? Context);
}
