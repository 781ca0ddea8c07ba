using System.Data.Common;
using System.Net;
using Conversations.Storage.Sql;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Conversations.Storage.Membership;

/// <summary>Orleans' membership table over <c>membership_versions</c> and <c>membership_silos</c> of our
/// PostgreSQL migrations. Every change of a row also moves the cluster's table version, and both are
/// conditional on the etags the caller read: the version row is updated first, so concurrent writers queue on
/// its lock and all but the first find its etag changed and fail without side effects.</summary>
public sealed class PostgresMembershipTable : IMembershipTable
{
    private const string SiloColumns =
        "s.address, s.port, s.generation, s.silo_name, s.host_name, s.status, s.proxy_port, s.role_name, s.update_zone, s.fault_zone, s.suspect_times, s.start_time, s.iamalive_time, s.etag";

    private const string SiloKey = "cluster_id = @ClusterId AND address = @Address AND port = @Port AND generation = @Generation";

    private readonly SqlDatabase _database;
    private readonly string _clusterId;

    public PostgresMembershipTable(SqlDatabase database, IOptions<ClusterOptions> clusterOptions)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        if (database.Provider != StorageProvider.Postgres)
        {
            throw new InvalidOperationException("Orleans:Clustering=Postgres needs Storage:Provider=Postgres: cluster membership lives in the PostgreSQL database.");
        }

        _database = database;
        _clusterId = clusterOptions.Value.ClusterId is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("Orleans:ClusterId must not be empty.");
    }

    /// <inheritdoc/>
    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken = default)
    {
        if (!tryInitTableVersion)
        {
            return;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO membership_versions (cluster_id, version, etag, updated_at) VALUES (@ClusterId, 0, @Etag, now()) ON CONFLICT (cluster_id) DO NOTHING",
            new { ClusterId = _clusterId, Etag = NewEtag() },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc/>
    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in new[] { "membership_silos", "membership_versions" })
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE cluster_id = @ClusterId", new { ClusterId = clusterId }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes the rows of silos that are not active and whose last sign of life (start or I-am-alive,
    /// whichever is later) is older than <paramref name="beforeDate"/>. An active row is never deleted: only the
    /// membership protocol may declare a silo dead.</summary>
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM membership_silos WHERE cluster_id = @ClusterId AND status <> @Active AND GREATEST(start_time, iamalive_time) < @Before",
            new { ClusterId = _clusterId, Active = (int)SiloStatus.Active, Before = _database.Time(beforeDate) },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(
            "AND s.address = @Address AND s.port = @Port AND s.generation = @Generation",
            new { ClusterId = _clusterId, Address = AddressText(key), key.Endpoint.Port, key.Generation },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(string.Empty, new { ClusterId = _clusterId }, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken = default) =>
        WriteAsync(entry, tableVersion, cancellationToken, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO membership_silos (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                role_name, update_zone, fault_zone, suspect_times, start_time, iamalive_time, etag)
            VALUES (@ClusterId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                @RoleName, @UpdateZone, @FaultZone, @SuspectTimes, @StartTime, @IAmAliveTime, @NewEtag)
            ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
            """,
            RowParameters(entry, rowEtag: null),
            transaction,
            cancellationToken: cancellationToken)));

    /// <inheritdoc/>
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken = default) =>
        WriteAsync(entry, tableVersion, cancellationToken, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE membership_silos SET silo_name = @SiloName, host_name = @HostName, status = @Status, proxy_port = @ProxyPort,
                role_name = @RoleName, update_zone = @UpdateZone, fault_zone = @FaultZone, suspect_times = @SuspectTimes,
                start_time = @StartTime, iamalive_time = @IAmAliveTime, etag = @NewEtag
            WHERE {SiloKey} AND etag = @RowEtag
            """,
            RowParameters(entry, etag),
            transaction,
            cancellationToken: cancellationToken)));

    /// <summary>Writes only the I-am-alive time, without an etag check and without moving the table version, as
    /// the interface allows: the membership protocol reads it to judge liveness, never to order changes.</summary>
    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE membership_silos SET iamalive_time = @IAmAliveTime WHERE {SiloKey}",
            new
            {
                ClusterId = _clusterId,
                Address = AddressText(entry.SiloAddress),
                entry.SiloAddress.Endpoint.Port,
                entry.SiloAddress.Generation,
                IAmAliveTime = Time(entry.IAmAliveTime),
            },
            cancellationToken: cancellationToken));
    }

    // The members Orleans 10 marks obsolete in favour of the cancellable ones above; still part of the interface.
    Task IMembershipTable.InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion);

    Task IMembershipTable.DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId);

    Task IMembershipTable.CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate);

    Task<MembershipTableData> IMembershipTable.ReadRow(SiloAddress key) => ReadRowAsync(key);

    Task<MembershipTableData> IMembershipTable.ReadAll() => ReadAllAsync();

    Task<bool> IMembershipTable.InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion);

    Task<bool> IMembershipTable.UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion);

    Task IMembershipTable.UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry);

    private async Task<bool> WriteAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken, Func<DbConnection, DbTransaction, Task<int>> writeRow)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The version row first: its row lock orders concurrent writers, and a stale etag ends the write here.
        var versioned = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE membership_versions SET version = @Version, etag = @NewEtag, updated_at = now() WHERE cluster_id = @ClusterId AND etag = @Etag",
            new { ClusterId = _clusterId, tableVersion.Version, Etag = tableVersion.VersionEtag, NewEtag = NewEtag() },
            transaction,
            cancellationToken: cancellationToken));
        if (versioned != 1 || await writeRow(connection, transaction) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<MembershipTableData> ReadAsync(string siloCondition, object parameters, CancellationToken cancellationToken)
    {
        // One statement, so the version and the rows come from one snapshot, as the interface requires.
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT v.version, v.etag, {SiloColumns}
            FROM membership_versions v LEFT JOIN membership_silos s ON s.cluster_id = v.cluster_id {siloCondition}
            WHERE v.cluster_id = @ClusterId
            """,
            parameters,
            cancellationToken: cancellationToken));
        var rows = new List<Tuple<MembershipEntry, string>>();
        TableVersion? version = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            version ??= new TableVersion(reader.GetInt32(0), reader.GetString(1));
            if (!reader.IsDBNull(2))
            {
                rows.Add(Tuple.Create(ReadEntry(reader), reader.GetString(15)));
            }
        }

        // Without a version row (a client that did not initialise it) nothing can be written: no etag matches "".
        return new MembershipTableData(rows, version ?? new TableVersion(0, string.Empty));
    }

    private static MembershipEntry ReadEntry(DbDataReader reader) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Parse(reader.GetString(2)), reader.GetInt32(3), reader.GetInt32(4)),
        SiloName = reader.GetString(5),
        HostName = reader.GetString(6),
        Status = (SiloStatus)reader.GetInt32(7),
        ProxyPort = reader.GetInt32(8),
        RoleName = reader.IsDBNull(9) ? null : reader.GetString(9),
        UpdateZone = reader.GetInt32(10),
        FaultZone = reader.GetInt32(11),
        SuspectTimes = SuspectTimesText.Read(reader.IsDBNull(12) ? null : reader.GetString(12)),
        StartTime = DbTime.Read(reader.GetValue(13)).UtcDateTime,
        IAmAliveTime = DbTime.Read(reader.GetValue(14)).UtcDateTime,
    };

    private object RowParameters(MembershipEntry entry, string? rowEtag) => new
    {
        ClusterId = _clusterId,
        Address = AddressText(entry.SiloAddress),
        entry.SiloAddress.Endpoint.Port,
        entry.SiloAddress.Generation,
        SiloName = entry.SiloName ?? string.Empty,
        HostName = entry.HostName ?? string.Empty,
        Status = (int)entry.Status,
        entry.ProxyPort,
        entry.RoleName,
        entry.UpdateZone,
        entry.FaultZone,
        SuspectTimes = SuspectTimesText.Write(entry.SuspectTimes),
        StartTime = Time(entry.StartTime),
        IAmAliveTime = Time(entry.IAmAliveTime),
        RowEtag = rowEtag,
        NewEtag = NewEtag(),
    };

    private object Time(DateTime value) => _database.Time(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    private static string AddressText(SiloAddress silo) => silo.Endpoint.Address.ToString();

    // Unique per write, so an etag read before any later change (even one back to the same values) never matches again.
    private static string NewEtag() => Guid.NewGuid().ToString("N");
}
