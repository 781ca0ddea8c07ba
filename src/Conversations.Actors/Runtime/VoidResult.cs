namespace Conversations.Actors;

/// <summary>Adapts methods returning Task or ValueTask to the ValueTask&lt;object?&gt; every invoker returns;
/// allocates only when the method did not finish synchronously.</summary>
internal static class VoidResult
{
    public static ValueTask<object?> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : new ValueTask<object?>(Await(task));

    public static ValueTask<object?> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : new ValueTask<object?>(Await(task.AsTask()));

    // Awaits on the captured context (the request's), so the wrapper resumes inline in the same turn.
    private static async Task<object?> Await(Task task)
    {
        await task;
        return null;
    }
}
