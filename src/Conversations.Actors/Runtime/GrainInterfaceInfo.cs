using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace Conversations.Actors;

/// <summary>The methods of one grain interface (and the interfaces it extends), analysed once per process.</summary>
internal sealed class GrainInterfaceInfo
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceInfo> Cache = new();

    private readonly FrozenDictionary<MethodInfo, GrainMethodDescriptor> _methods;

    private GrainInterfaceInfo(Type interfaceType)
    {
        InterfaceType = interfaceType;
        _methods = new[] { interfaceType }
            .Concat(interfaceType.GetInterfaces())
            .SelectMany(i => i.GetMethods())
            .ToFrozenDictionary(m => m, GrainMethodDescriptor.Create);
    }

    public Type InterfaceType { get; }

    /// <summary>The analysed interface, validated on first use.</summary>
    public static GrainInterfaceInfo For(Type interfaceType) => Cache.GetOrAdd(interfaceType, static t => new GrainInterfaceInfo(t));

    public GrainMethodDescriptor GetMethod(MethodInfo method) => _methods[method];
}
