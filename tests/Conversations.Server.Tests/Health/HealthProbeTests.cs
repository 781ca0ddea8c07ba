using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Health;

public sealed class HealthProbeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Live_ServerRunning_Returns200()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_SiloRunning_Returns200()
    {
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Directory.Exists(server.DataDirectory));
    }

    [Fact]
    public async Task Ready_SiloStopped_Returns503WhileLiveStays200()
    {
        // A server of its own: stopping the silo must not affect the shared one.
        await using var stopped = new ServerFixture();
        using var http = stopped.CreateHttpClient();
        await stopped.Services.GetRequiredService<Silo>().StopAsync(CancellationToken.None);

        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
