using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Hubs;

public sealed class HubMessagePackTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Start_PlainMessagePackClient_SeesContractNamesAndShapes()
    {
        // The official client with MessagePack's defaults, nothing of ours: it sees what a JavaScript client sees.
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/widget"), HttpTransportType.WebSockets)
            .AddMessagePackProtocol()
            .Build();
        await connection.StartAsync();

        var start = await connection.InvokeAsync<Dictionary<object, object?>>("start", new Dictionary<string, object> { ["siteId"] = "demo" });

        Assert.Equal(["conversationId", "visitorToken", "state", "messages"], start.Keys.Cast<string>());
        var state = Assert.IsType<Dictionary<object, object?>>(start["state"]);
        Assert.Equal("bot", state["status"]);
        var messages = Assert.IsType<object[]>(start["messages"]).Cast<Dictionary<object, object?>>().ToList();
        var welcome = messages.First(m => Assert.IsType<Dictionary<object, object?>>(m["author"])["kind"] is "bot");
        Assert.IsType<string>(welcome["createdAt"]);
        Assert.Contains(welcome["kind"], new object[] { "text", "choice" });
    }
}
