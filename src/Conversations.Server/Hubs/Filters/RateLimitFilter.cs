using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Hubs.Filters;

/// <summary>Limits hub invocations per connection, so one client cannot flood the grains.</summary>
public sealed class RateLimitFilter(IOptions<HubsOptions> options, TimeProvider clock) : IHubFilter
{
    private static readonly object BucketKey = new();

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        context.Context.Items[BucketKey] = new TokenBucket(options.Value.InvocationsPerSecond, options.Value.InvocationBurst, clock);
        return next(context);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Context.Items.TryGetValue(BucketKey, out var bucket) && !((TokenBucket)bucket!).TryTake())
        {
            throw HubErrors.Of(HubErrors.RateLimited, "rate limit exceeded; slow down.");
        }

        return next(invocationContext);
    }
}
