using System.Data.Common;

namespace Conversations.Storage.Sql;

/// <summary>A writer's turn at the database (see <see cref="SqlDatabase.BeginWriteAsync"/>): the connection to
/// write on, and, on SQLite, the write gate held until the turn is disposed.</summary>
public sealed class WriteTurn : IAsyncDisposable
{
    private readonly bool _ownsConnection;
    private IDisposable? _gate;

    internal WriteTurn(DbConnection connection, bool ownsConnection, IDisposable? gate)
    {
        Connection = connection;
        _ownsConnection = ownsConnection;
        _gate = gate;
    }

    /// <summary>The connection of this turn; on SQLite the one write connection, shared by every turn, so a
    /// writer must not keep it (or statements prepared on it) past the turn without checking it is the same.</summary>
    public DbConnection Connection { get; }

    /// <summary>Ends the turn: the next writer may go.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection)
        {
            await Connection.DisposeAsync();
        }

        Interlocked.Exchange(ref _gate, null)?.Dispose();
    }
}
