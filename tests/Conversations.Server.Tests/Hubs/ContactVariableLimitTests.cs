using System.Text.Json;
using Conversations.Actors;
using Conversations.Contracts;
using Conversations.Server.Security;
using Conversations.Testing.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Hubs;

public sealed class ContactVariableLimitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Start_RepeatedWithNewVariables_CappedPerContact()
    {
        var (widget, first) = await HubSessions.WidgetAsync(server);
        await using var _ = widget;
        var token = first.Id("visitorToken");
        HubInvocationException? refused = null;
        var accepted = 0;

        // Each call stays within the per-call limit (50 variables); only the contact's total is over.
        for (var call = 0; call < 10 && refused is null; call++)
        {
            var variables = Enumerable.Range(0, 50).ToDictionary(i => $"v{call}-{i}", _ => "value");
            try
            {
                await widget.InvokeAsync<JsonElement>("start", new { siteId = "demo", visitorToken = token, variables });
                accepted++;
            }
            catch (HubInvocationException error)
            {
                refused = error;
            }
        }

        Assert.True(server.Services.GetRequiredService<IVisitorTokenReader>().TryRead(token, out var visitor));
        var contact = await server.Services.GetRequiredService<IGrainFactory>().GetGrain<IContactGrain>(visitor.ContactId).GetAsync();
        Assert.NotNull(refused);
        Assert.Contains("invalid_argument: variables would make the contact hold", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, accepted);
        Assert.Equal(100, contact.Variables.Count);
    }
}
