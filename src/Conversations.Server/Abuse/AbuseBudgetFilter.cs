using System.Threading.RateLimiting;
using Conversations.Server.Auth;
using Conversations.Server.Hubs;
using Conversations.Server.Hubs.Console;
using Conversations.Server.Hubs.Requests;
using Conversations.Server.Hubs.Widget;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Abuse;

/// <summary>Applies <see cref="AbuseBudgets"/> to the hubs: open widget connections per client address and
/// console connections per agent (a lease held for the connection's life), <c>start</c> per address and per
/// site, <c>requestAgent</c> per address. A refusal is <c>rate_limited: … retry after N s.</c></summary>
public sealed class AbuseBudgetFilter(AbuseBudgets budgets) : IHubFilter
{
    private static readonly object LeaseKey = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        RateLimitLease? lease = null;
        if (context.Hub is WidgetHub)
        {
            lease = budgets.WidgetConnection(AddressOf(context.Context))
                ?? throw HubErrors.Of(HubErrors.RateLimited, "too many widget connections from this address are open; close some first.");
        }
        else if (context.Hub is ConsoleHub && AgentClaims.From(context.Context.User) is { } agent)
        {
            lease = budgets.ConsoleConnection(agent.AgentId)
                ?? throw HubErrors.Of(HubErrors.RateLimited, "too many console connections of this agent are open; close some first.");
        }

        if (lease is not null)
        {
            context.Context.Items[LeaseKey] = lease;
        }

        try
        {
            await next(context);
        }
        catch
        {
            lease?.Dispose();
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.Remove(LeaseKey, out var lease))
            {
                ((RateLimitLease)lease!).Dispose();
            }
        }
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.Hub is WidgetHub)
        {
            var refusal = invocationContext.HubMethodName switch
            {
                "StartAsync" => budgets.Start(AddressOf(invocationContext.Context), SiteOf(invocationContext.HubMethodArguments)),
                "RequestAgentAsync" => budgets.RequestAgent(AddressOf(invocationContext.Context)),
                _ => null,
            };
            if (refusal is not null)
            {
                throw HubErrors.Of(HubErrors.RateLimited, refusal.Message);
            }
        }

        return next(invocationContext);
    }

    /// <summary>The client's address as the edge sees it (after forwarded headers from trusted proxies).</summary>
    public static string AddressOf(HubCallerContext context) =>
        context?.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string SiteOf(IReadOnlyList<object?> arguments) =>
        arguments is [StartRequest { SiteId: { } siteId }] ? siteId : string.Empty;
}
