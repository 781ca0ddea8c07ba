namespace Conversations.Storage.Sql;

/// <summary>Time as stored: microseconds since the Unix epoch on SQLite, <c>timestamptz</c> (also microseconds)
/// on PostgreSQL. Values are truncated to microseconds so what is acknowledged equals what is read back.</summary>
internal static class DbTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>Drops the sub-microsecond part that neither database keeps.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.UtcTicks;
        return new DateTimeOffset(utc - (utc % TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>Microseconds since the Unix epoch.</summary>
    public static long ToMicros(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    /// <summary>The time at some microseconds since the Unix epoch.</summary>
    public static DateTimeOffset FromMicros(long micros) => new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>Reads a stored time of either provider.</summary>
    public static DateTimeOffset Read(object value) => value switch
    {
        long micros => FromMicros(micros),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset dateTimeOffset => dateTimeOffset.ToUniversalTime(),
        _ => throw new InvalidCastException($"Cannot read a time from {value.GetType().Name}."),
    };

    /// <summary>Reads a stored time that may be null.</summary>
    public static DateTimeOffset? ReadNullable(object? value) => value is null or DBNull ? null : Read(value);
}
