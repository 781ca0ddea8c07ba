using Conversations.Storage.Sql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversations.Storage.Hosting;

/// <summary>Checkpoints the SQLite WAL once a second, off the commit path (see
/// <see cref="SqliteDatabase.CheckpointAsync(int, CancellationToken)"/>). A passive checkpoint never waits for
/// writers, so the WAL is copied while messages keep committing; only once it holds
/// <see cref="SqliteDatabase.RestartAtFrames"/> frames are the writers held for the last ones.</summary>
internal sealed partial class SqliteCheckpointService(SqlDatabase database, ILogger<SqliteCheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database is not SqliteDatabase sqlite)
        {
            return;
        }

        using var ticker = new PeriodicTimer(Interval);
        try
        {
            while (await ticker.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sqlite.CheckpointAsync(SqliteDatabase.RestartAtFrames, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogCheckpointFailed(error);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the SQLite WAL failed; retrying in a second")]
    private partial void LogCheckpointFailed(Exception error);
}
