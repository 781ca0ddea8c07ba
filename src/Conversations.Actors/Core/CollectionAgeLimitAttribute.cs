namespace Conversations.Actors;

/// <summary>Overrides, for one grain class, how long an idle activation lives before it is collected.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute(double minutes) : Attribute
{
    /// <summary>The idle age after which activations of this class are deactivated.</summary>
    public TimeSpan Age { get; } = TimeSpan.FromMinutes(minutes);
}
