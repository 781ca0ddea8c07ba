using System.Data.Common;
using Npgsql;

namespace Conversations.Storage.Sql;

/// <summary>A PostgreSQL database reached through one pooled data source.</summary>
public sealed class PostgresDatabase(string connectionString) : SqlDatabase
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc/>
    public override StorageProvider Provider => StorageProvider.Postgres;

    /// <summary>The pooled data source, for provider-specific commands.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    /// <inheritdoc/>
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc/>
    public override object Time(DateTimeOffset value) => value.UtcDateTime;

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
