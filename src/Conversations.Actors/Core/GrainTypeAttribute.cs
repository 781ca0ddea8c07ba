namespace Conversations.Actors;

/// <summary>Names a grain class's grain type. The name is stored with state and reminders, so it must
/// stay stable when the class is renamed.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
