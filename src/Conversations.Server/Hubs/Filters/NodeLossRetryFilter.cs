using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Polly;
using Polly.Retry;

namespace Conversations.Server.Hubs.Filters;

/// <summary>Runs an <see cref="IdempotentAttribute">idempotent</see> hub method again when its grain call was
/// lost with a silo that left the cluster or rejected by one that is stopping: the retry reaches the grain's
/// new activation, so a widget or console writing through a rolling restart sees a slower call, not an
/// error. Other methods, and a node loss that outlasts the retries, become <c>unavailable</c> errors
/// (<see cref="DomainErrorFilter"/>). It runs inside the rate limit, so a retry is not counted against the caller again.</summary>
public sealed class NodeLossRetryFilter : IHubFilter
{
    private readonly ConcurrentDictionary<MethodInfo, bool> _idempotent = new();
    private readonly ResiliencePipeline _retry;

    public NodeLossRetryFilter(TimeProvider time)
    {
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsNodeLoss),
                // About 1.5 s of delays in all: the time membership takes to tell the other silos a stopping one
                // has gone. The pipeline's own first run is an immediate retry.
                MaxRetryAttempts = 4,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    /// <summary>A grain call that did not reach its grain, or whose answer was lost, because a silo left.</summary>
    public static bool IsNodeLoss(Exception exception) => exception is SiloUnavailableException or OrleansMessageRejectionException;

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (!_idempotent.GetOrAdd(invocationContext.HubMethod, static m => m.IsDefined(typeof(IdempotentAttribute))))
        {
            return next(invocationContext);
        }

        return InvokeWithRetriesAsync(invocationContext, next);
    }

    // The first attempt runs outside the pipeline: every send pays for a Polly context otherwise, and almost
    // none is ever retried.
    private async ValueTask<object?> InvokeWithRetriesAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (IsNodeLoss(e))
        {
            return await _retry.ExecuteAsync(
                static (call, _) => call.next(call.invocationContext),
                (next, invocationContext),
                invocationContext.Context.ConnectionAborted);
        }
    }
}
