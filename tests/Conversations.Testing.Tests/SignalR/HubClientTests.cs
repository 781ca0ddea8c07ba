using System.Net;
using Conversations.Testing.SignalR;

namespace Conversations.Testing.Tests.SignalR;

public sealed class HubClientTests(EchoServer server) : IClassFixture<EchoServer>
{
    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task InvokeAsync_MethodReturnsRecord_ReturnsDeserializedResult(HubClientProtocol protocol)
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl, Options(protocol));

        var reply = await client.InvokeAsync<EchoReply>("echo", new EchoRequest("hello"));

        Assert.Equal("hello", reply.Text);
        Assert.Equal(client.ConnectionId, reply.ConnectionId);
    }

    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task InvokeAsync_HubThrowsHubException_ThrowsWithServerMessage(HubClientProtocol protocol)
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl, Options(protocol));

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("fail", "not allowed"));

        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
        Assert.Equal("fail", error.Method);
        Assert.Equal("still", (await client.InvokeAsync<EchoReply>("echo", new EchoRequest("still"))).Text);
    }

    [Theory]
    [InlineData(HubClientProtocol.Json)]
    [InlineData(HubClientProtocol.MessagePack)]
    public async Task On_ServerSendsEvent_HandlerAndWaitForReceiveIt(HubClientProtocol protocol)
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl, Options(protocol));
        var handled = new TaskCompletionSource<EchoReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = client.On<EchoReply>("echoed", handled.SetResult);

        await client.SendAsync("broadcast", new EchoRequest("event"));

        Assert.Equal("event", (await handled.Task.WaitAsync(TimeSpan.FromSeconds(10))).Text);
        // The event arrived before the wait began: the recording makes this deterministic.
        var waited = await client.WaitForAsync<EchoReply>("echoed", r => r.Text == "event");
        Assert.Equal(client.ConnectionId, waited.ConnectionId);
    }

    [Fact]
    public async Task Received_EventsOfAListenedTarget_RecordedInOrderBeforeAnyHandler()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl, Options(HubClientProtocol.Json));

        await client.InvokeAsync("broadcast", new EchoRequest("first"));
        await client.InvokeAsync("broadcast", new EchoRequest("second"));
        await client.WaitForAsync<EchoReply>("echoed", r => r.Text == "second");

        Assert.Equal(["first", "second"], client.Received<EchoReply>("echoed").Select(r => r.Text));
    }

    [Fact]
    public async Task WaitForAsync_NoMatchingEvent_TimesOut()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl, Options(HubClientProtocol.Json));
        await client.InvokeAsync("broadcast", new EchoRequest("other"));

        await Assert.ThrowsAsync<TimeoutException>(() =>
            client.WaitForAsync<EchoReply>("echoed", r => r.Text == "missing", TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task InvokeAsync_ManyConcurrentInvocations_EachGetsItsOwnResult()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl);

        // Decreasing delays make completions arrive out of order.
        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.InvokeAsync<EchoReply>("echo", new EchoRequest($"m{i}", i % 10 == 0 ? 50 - (i / 10) : 0))));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"m{i}"), replies.Select(r => r.Text));
    }

    [Fact]
    public async Task ConnectAsync_HeadersAndCookies_ReachTheHub()
    {
        var cookies = new CookieContainer();
        cookies.Add(server.HubUrl, new Cookie("session", "abc"));
        var options = new HubClientOptions
        {
            Cookies = cookies,
            Headers = new Dictionary<string, string> { ["Origin"] = "https://example.test" },
        };
        await using var client = await HubClient.ConnectAsync(server.HubUrl, options);

        Assert.Equal("https://example.test", await client.InvokeAsync<string>("header", "Origin"));
        Assert.Equal("abc", await client.InvokeAsync<string>("cookie", "session"));
    }

    [Fact]
    public async Task ConnectAsync_SkipNegotiation_Invokes()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl, new HubClientOptions { SkipNegotiation = true });

        Assert.Null(client.ConnectionId);
        Assert.Equal("direct", (await client.InvokeAsync<EchoReply>("echo", new EchoRequest("direct"))).Text);
    }

    [Fact]
    public async Task Closed_ServerAbortsConnection_CompletesAndFailsLaterCalls()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl);

        await client.SendCoreAsync("abort", []);
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<HubConnectionClosedException>(() => client.InvokeAsync<EchoReply>("echo", new EchoRequest("late")));
        await Assert.ThrowsAsync<HubConnectionClosedException>(() => client.WaitForAsync<EchoReply>("echoed"));
    }

    [Fact]
    public async Task DisposeAsync_PendingInvocation_FailsWithClosed()
    {
        var client = await HubClient.ConnectAsync(server.HubUrl);
        var pending = client.InvokeAsync<EchoReply>("echo", new EchoRequest("slow", 5_000));

        await client.DisposeAsync();

        Assert.Null(await client.Closed);
        await Assert.ThrowsAsync<HubConnectionClosedException>(() => pending);
    }

    private static HubClientOptions Options(HubClientProtocol protocol) => new() { Protocol = protocol, Events = ["echoed"] };
}
