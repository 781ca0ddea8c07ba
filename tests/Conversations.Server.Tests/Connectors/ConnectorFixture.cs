using Conversations.Contracts;
using Conversations.Grains.Persistence;
using Conversations.Server.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Server.Tests.Connectors;

/// <summary>A test webhook and a real server (fresh data folder) whose demo channel posts to it.</summary>
public sealed class ConnectorFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "conversations-tests", Guid.NewGuid().ToString("N"));

    public WebhookReceiver Webhook { get; private set; } = null!;

    public ConnectorServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Webhook = await WebhookReceiver.StartAsync();
        Server = new ConnectorServer(DataDirectory, Webhook.Url);
        _ = Server.BaseAddress;
    }

    public ConnectorClient Client() => new(Server.CreateHttpClient());

    /// <summary>The message stored for a provider id on the demo channel, or null.</summary>
    public Task<Message?> StoredAsync(string providerMessageId) =>
        Server.Services.GetRequiredService<IMessageLog>().FindByExternalIdAsync(ConnectorServer.ChannelId, providerMessageId);

    public Task<IReadOnlyList<Message>> MessagesAsync(string conversationId) =>
        Server.Services.GetRequiredService<IMessageLog>().ReadAsync(conversationId, null, 500);

    /// <summary>The conversations a provider user has, which stay none when a request is refused.</summary>
    public async Task<int> ConversationCountAsync(string userId)
    {
        var contact = Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IContactGrain>(ChannelContacts.ContactId(ConnectorServer.ChannelId, userId));
        return (await contact.GetAsync()).OpenConversations.Count;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Webhook.DisposeAsync();
        await TestStorage.DropAsync(DataDirectory);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
