using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs.Filters;

/// <summary>Refuses a call whose argument could not be read, naming the field (see <see cref="ArgumentShapes"/>).</summary>
public sealed class ArgumentShapeFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentShapes.ThrowIfRefused(invocationContext.HubMethodArguments);
        return next(invocationContext);
    }
}
