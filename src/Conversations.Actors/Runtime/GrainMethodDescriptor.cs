using System.Reflection;

namespace Conversations.Actors;

/// <summary>One grain interface method, analysed once: its scheduling attributes and a compiled
/// invoker, so a call costs a dictionary lookup and a delegate call, never reflection.</summary>
internal abstract class GrainMethodDescriptor
{
    protected GrainMethodDescriptor(MethodInfo method, MethodReturnKind kind)
    {
        Method = method;
        Kind = kind;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        IsOneWay = method.IsDefined(typeof(OneWayAttribute));
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute));
        IsAlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute));
    }

    public MethodInfo Method { get; }

    public MethodReturnKind Kind { get; }

    /// <summary>"IInterface.Method", as errors and logs name it.</summary>
    public string Name { get; }

    public bool IsOneWay { get; }

    public bool IsReadOnly { get; }

    public bool IsAlwaysInterleave { get; }

    /// <summary>Sends a call through the reference and returns what the interface method returns.</summary>
    public abstract object Call(GrainReference reference, object?[] args);

    /// <summary>Analyses an interface method; refuses signatures the runtime cannot carry.</summary>
    public static GrainMethodDescriptor Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        (MethodReturnKind kind, Type resultType) = returnType switch
        {
            _ when returnType == typeof(Task) => (MethodReturnKind.Task, typeof(object)),
            _ when returnType == typeof(ValueTask) => (MethodReturnKind.ValueTask, typeof(object)),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(Task<>) => (MethodReturnKind.TaskOfT, returnType.GetGenericArguments()[0]),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(ValueTask<>) => (MethodReturnKind.ValueTaskOfT, returnType.GetGenericArguments()[0]),
            _ => throw new InvalidOperationException(
                $"Grain method {method.DeclaringType?.Name}.{method.Name} returns {returnType.Name}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>."),
        };

        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"Grain method {method.DeclaringType?.Name}.{method.Name} is generic; grain methods are not.");
        }

        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new InvalidOperationException($"Grain method {method.DeclaringType?.Name}.{method.Name} has a ref or out parameter; arguments are values.");
        }

        var descriptorType = typeof(GrainMethodDescriptor<>).MakeGenericType(resultType);
        return (GrainMethodDescriptor)Activator.CreateInstance(descriptorType, method, kind)!;
    }
}
