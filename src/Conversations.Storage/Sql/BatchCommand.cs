using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sql;

/// <summary>One statement run for every row of a batch: created once, prepared on SQLite, rebound by position
/// per row. Parameters are named with their <c>@</c>, as the SQL spells them: Microsoft.Data.Sqlite looks a
/// parameter up by name on every execution, and a name without its prefix costs three more lookups.</summary>
internal static class BatchCommand
{
    /// <summary>A command for <paramref name="sql"/> with the named parameters, in their order; set its
    /// transaction before it runs when it is created outside one.</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        // PostgreSQL parameter types vary with null values, so it is left unprepared there.
        if (command is SqliteCommand)
        {
            command.Prepare();
        }

        return command;
    }

    /// <inheritdoc cref="Create(DbConnection, DbTransaction?, string, string[])"/>
    public static DbCommand Create(DbConnection connection, string sql, params string[] parameters) =>
        Create(connection, null, sql, parameters);

    /// <summary>Sets the parameters in the order they were created; null is SQL NULL.</summary>
    public static void Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
