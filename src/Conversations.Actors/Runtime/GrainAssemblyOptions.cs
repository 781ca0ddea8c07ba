using System.Reflection;

namespace Conversations.Actors;

/// <summary>The assemblies scanned for grain classes.</summary>
public sealed class GrainAssemblyOptions
{
    /// <summary>Grain assemblies added with <c>AddGrains</c>.</summary>
    public List<Assembly> Assemblies { get; } = [];
}
