namespace Conversations.Actors;

/// <summary>The identity of a grain: its grain type (the stable name of the grain class) and its key.</summary>
/// <param name="Type">The grain type name, from <see cref="GrainTypeAttribute"/> or the class name.</param>
/// <param name="Key">The primary key.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Type}/{Key}";
}
