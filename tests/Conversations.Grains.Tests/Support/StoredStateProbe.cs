using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Conversations.Grains.Tests.Support;

/// <summary>A holder to read a grain's record straight from the test storage, to see its version (how many
/// times it was written) without going through the grain.</summary>
public sealed class StoredStateProbe<TState> : IGrainState<TState>
{
    [AllowNull]
    public TState State { get; set; } = Activator.CreateInstance<TState>();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    /// <summary>The stored version, which the ETag carries; 0 when there is no record.</summary>
    public long Version => ETag is null ? 0 : long.Parse(ETag, CultureInfo.InvariantCulture);
}
