using System.Reflection;

namespace Conversations.Actors;

/// <summary>Which grain class implements each grain interface, found once in the grain assemblies.
/// An interface implemented by two classes is refused at start-up, except the runtime's own shared
/// interfaces (<see cref="IRemindable"/>), which are reached by grain id.</summary>
internal sealed class GrainTypeManifest
{
    private static readonly HashSet<Type> SharedInterfaces = [typeof(IGrain), typeof(IGrainWithStringKey), typeof(IRemindable)];

    private readonly Dictionary<Type, GrainClassInfo> _byInterface = [];
    private readonly Dictionary<string, GrainClassInfo> _byTypeName = new(StringComparer.Ordinal);

    public GrainTypeManifest(IEnumerable<Assembly> assemblies)
    {
        var classes = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t));
        foreach (var type in classes)
        {
            var info = new GrainClassInfo(type);
            if (!_byTypeName.TryAdd(info.TypeName, info))
            {
                throw new InvalidOperationException(
                    $"Grain classes {_byTypeName[info.TypeName].ClassType.FullName} and {type.FullName} share the grain type name '{info.TypeName}'.");
            }

            foreach (var grainInterface in type.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i) && !SharedInterfaces.Contains(i)))
            {
                if (!_byInterface.TryAdd(grainInterface, info))
                {
                    throw new InvalidOperationException(
                        $"Grain interface {grainInterface.Name} is implemented by both {_byInterface[grainInterface].ClassType.Name} and {type.Name}.");
                }

                GrainInterfaceInfo.For(grainInterface);
            }
        }
    }

    public GrainClassInfo GetByInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new ArgumentException($"No grain class implements {grainInterface.Name}: add its assembly to the silo with AddGrains.", nameof(grainInterface));

    public GrainClassInfo GetByTypeName(string typeName) =>
        _byTypeName.TryGetValue(typeName, out var info)
            ? info
            : throw new ArgumentException($"No grain class has the grain type name '{typeName}'.", nameof(typeName));
}
