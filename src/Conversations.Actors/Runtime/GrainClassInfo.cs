using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Actors;

/// <summary>What the runtime knows of one grain class: its grain type name, its scheduling attributes
/// and a factory compiled once that builds instances with their injected services and states.</summary>
internal sealed class GrainClassInfo
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainClassInfo).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<ActivationData, object?>[] _argumentFactories;
    private readonly Func<object?[], object> _constructor;

    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        TypeName = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? classType.Name;
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>(inherit: true)?.Age;
        IsRemindable = typeof(IRemindable).IsAssignableFrom(classType);

        var constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {classType.Name} has no public constructor.");
        var parameters = constructor.GetParameters();
        _argumentFactories = [.. parameters.Select(ArgumentFactory)];
        var args = Expression.Parameter(typeof(object?[]), "args");
        var construct = Expression.New(
            constructor,
            parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));
        _constructor = Expression.Lambda<Func<object?[], object>>(construct, args).Compile();
    }

    public Type ClassType { get; }

    /// <summary>The stable grain type name used in grain ids, state and reminders.</summary>
    public string TypeName { get; }

    public bool IsReentrant { get; }

    public TimeSpan? CollectionAge { get; }

    public bool IsRemindable { get; }

    /// <summary>Constructs the grain in the activation's first turn.</summary>
    public object Create(ActivationData activation)
    {
        var args = new object?[_argumentFactories.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = _argumentFactories[i](activation);
        }

        return _constructor(args);
    }

    private static Func<ActivationData, object?> ArgumentFactory(ParameterInfo parameter)
    {
        var stateAttribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (stateAttribute is null)
        {
            var type = parameter.ParameterType;
            return activation => activation.Services.GetRequiredService(type);
        }

        var parameterType = parameter.ParameterType;
        if (!parameterType.IsGenericType || parameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException(
                $"[PersistentState] parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name} must be IPersistentState<T>.");
        }

        var factory = CreateStateMethod.MakeGenericMethod(parameterType.GetGenericArguments()[0])
            .CreateDelegate<Func<ActivationData, PersistentStateAttribute, object>>();
        return activation => factory(activation, stateAttribute);
    }

    private static object CreateState<TState>(ActivationData activation, PersistentStateAttribute attribute)
        where TState : new()
    {
        var storage = attribute.StorageName is { } name
            ? activation.Runtime.Services.GetRequiredKeyedService<IGrainStorage>(name)
            : activation.Runtime.Services.GetRequiredService<IGrainStorage>();
        return new PersistentState<TState>(activation, storage, attribute.StateName);
    }
}
