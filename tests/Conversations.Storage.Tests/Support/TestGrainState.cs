using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Conversations.Storage.Tests.Support;

/// <summary>What an activation holds for one persistent state; <see cref="Version"/> reads and sets the ETag,
/// which our grain storage keeps as the row's version.</summary>
public sealed class TestGrainState<TState> : IGrainState<TState>
    where TState : new()
{
    [AllowNull]
    public TState State { get; set; } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public long Version
    {
        get => ETag is null ? 0 : long.Parse(ETag, CultureInfo.InvariantCulture);
        set => ETag = value == 0 ? null : value.ToString(CultureInfo.InvariantCulture);
    }
}
