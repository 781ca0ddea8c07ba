using Conversations.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs.Filters;

/// <summary>The outermost hub filter: turns a refused domain command into a hub error carrying its code and
/// message, a grain call lost with a silo that left into <c>unavailable</c> (a warning: try again), and any
/// other failure into a generic one (internal details are logged, never sent). It logs every failed call once:
/// a refusal (a domain rule, a bad argument, a rate limit) is an ordinary event of a public endpoint and logs at
/// Information without a stack, so scripts cannot flood the log; anything else is an error with its stack.</summary>
public sealed partial class DomainErrorFilter(ILogger<DomainErrorFilter> logger) : IHubFilter
{
    /// <summary>SignalR's dispatcher logs every exception a hub method throws at Error, refusals included;
    /// this filter logs them instead, so that category's errors are turned off (see <see cref="HubsExtensions"/>).</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException e)
        {
            LogRefused(invocationContext.HubMethodName, $"{e.Code}: {e.Message}");
            throw HubErrors.From(e);
        }
        catch (HubException e)
        {
            LogRefused(invocationContext.HubMethodName, e.Message);
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (NodeLossRetryFilter.IsNodeLoss(e))
        {
            // Like the HTTP edge's 503: nothing the client did wrong, and trying again reaches the grain's new home.
            LogNodeLost(invocationContext.HubMethodName, e.GetType().Name);
            throw HubErrors.Of(HubErrors.Unavailable, $"a node of the cluster went away while serving '{invocationContext.HubMethodName}'; try again.");
        }
        catch (Exception e)
        {
            LogFailed(e, invocationContext.HubMethodName);
            throw HubErrors.Of(HubErrors.Internal, $"'{invocationContext.HubMethodName}' failed on the server.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub method {Method} refused: {Reason}")]
    private partial void LogRefused(string method, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub method {Method} lost its grain call with a node that left the cluster ({Exception})")]
    private partial void LogNodeLost(string method, string exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private partial void LogFailed(Exception exception, string method);
}
