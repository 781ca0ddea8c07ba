namespace Conversations.Actors;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{T}"/> for injection.</summary>
/// <param name="stateName">The state's name, stored with the grain id; stable across renames.</param>
/// <param name="storageName">The keyed <see cref="IGrainStorage"/> to use; the default provider when null.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state's name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's service key, or null for the default provider.</summary>
    public string? StorageName { get; } = storageName;
}
