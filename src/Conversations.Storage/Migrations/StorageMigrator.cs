using System.Data.Common;
using System.Globalization;
using Conversations.Storage.Sql;
using Dapper;

namespace Conversations.Storage.Migrations;

/// <summary>Applies the numbered SQL scripts of the provider's dialect that <c>schema_migrations</c> does
/// not list yet, each in its own transaction with its row, so a failed script leaves nothing half done.</summary>
public sealed class StorageMigrator(SqlDatabase database)
{
    private const long PostgresLockKey = 0x436F6E7673; // "Convs": serializes migrators of several processes.

    /// <summary>The versions applied by this call.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>Applies the scripts up to <paramref name="throughVersion"/> only: a test builds a database as an
    /// older release left it, to check that a later script carries its data over.</summary>
    internal async Task<IReadOnlyList<int>> MigrateAsync(int throughVersion, CancellationToken cancellationToken)
    {
        var applied = new List<int>();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Provider == StorageProvider.Sqlite)
        {
            // WAL is a property of the file and cannot change inside a transaction.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        foreach (var (version, name, sql) in Scripts(database.Provider).TakeWhile(script => script.Version <= throughVersion))
        {
            await using var transaction = await BeginAsync(connection, cancellationToken);
            var done = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, transaction);
            if (done > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                new { version, name, appliedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(version);
        }

        return applied;
    }

    private async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Provider == StorageProvider.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = PostgresLockKey }, transaction);
        }

        return transaction;
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts(StorageProvider provider)
    {
        var assembly = typeof(StorageMigrator).Assembly;
        var prefix = $"Migrations/{provider}/";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (version, name, reader.ReadToEnd());
        }
    }
}
