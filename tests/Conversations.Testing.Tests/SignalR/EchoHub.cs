using Microsoft.AspNetCore.SignalR;

namespace Conversations.Testing.Tests.SignalR;

/// <summary>A hub exercising each part of the protocol the client speaks.</summary>
public sealed class EchoHub : Hub
{
    public async Task<EchoReply> Echo(EchoRequest request)
    {
        if (request.Delay > 0)
        {
            await Task.Delay(request.Delay);
        }

        return new EchoReply(request.Text, Context.ConnectionId);
    }

    public void Fail(string message) => throw new HubException(message);

    public Task Broadcast(EchoRequest request) => Clients.Caller.SendAsync("echoed", new EchoReply(request.Text, Context.ConnectionId));

    public string Header(string name) => Context.GetHttpContext()?.Request.Headers[name].ToString() ?? "";

    public string Cookie(string name) => Context.GetHttpContext()?.Request.Cookies[name] ?? "";

    public void Abort() => Context.Abort();
}
