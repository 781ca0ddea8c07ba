using Conversations.Storage.Analytics;
using Conversations.Storage.Index;
using Conversations.Storage.Messages;
using Conversations.Storage.Migrations;
using Conversations.Storage.State;
using Microsoft.Extensions.Hosting;

namespace Conversations.Storage.Hosting;

/// <summary>Migrates the schema when the host starts and flushes the background writers when it stops.
/// Registered before the silo, it starts before the silo (reminders need the tables) and stops after it,
/// when no grain appends or writes any more.</summary>
internal sealed class StorageHostedService(
    StorageMigrator migrator, SqlMessageLog messageLog, SqlGrainStorage grainStorage, SqlConversationIndex conversationIndex, SqlAnalyticsSink analyticsSink)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await messageLog.DisposeAsync();
        await grainStorage.DisposeAsync();
        await conversationIndex.DisposeAsync();
        await analyticsSink.DisposeAsync();
    }
}
