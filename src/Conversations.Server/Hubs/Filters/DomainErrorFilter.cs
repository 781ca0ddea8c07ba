using Conversations.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs.Filters;

/// <summary>Turns a refused domain command into a hub error carrying its code and message, and any other
/// failure into a generic one: internal details are logged, never sent.</summary>
public sealed partial class DomainErrorFilter(ILogger<DomainErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException e)
        {
            throw HubErrors.From(e);
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            LogFailed(e, invocationContext.HubMethodName);
            throw HubErrors.Of(HubErrors.Internal, $"'{invocationContext.HubMethodName}' failed on the server.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private partial void LogFailed(Exception exception, string method);
}
