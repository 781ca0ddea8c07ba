using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Conversations.Actors;

/// <summary>A grain method whose result is <typeparamref name="T"/> (object for Task and ValueTask).</summary>
internal sealed class GrainMethodDescriptor<T> : GrainMethodDescriptor
{
    public GrainMethodDescriptor(MethodInfo method, MethodReturnKind kind)
        : base(method, kind)
    {
        Invoker = CompileInvoker(method, kind);
    }

    /// <summary>Calls the method on a grain instance; every return shape is seen as a ValueTask&lt;T&gt;.</summary>
    public Func<object, object?[], ValueTask<T>> Invoker { get; }

    public override object Call(GrainReference reference, object?[] args)
    {
        var runtime = reference.Runtime;
        if (runtime.Options.CopyCallsThroughJson)
        {
            try
            {
                args = CopyArguments(args, runtime.Options.JsonSerializerOptions);
            }
            catch (Exception copyFailure)
            {
                // Reported like any call failure: through the returned task, not thrown at the call site.
                return Returned(Task.FromException<T>(copyFailure));
            }
        }

        var request = new GrainRequest<T>(this, args, IsOneWay ? null : RuntimeContext.CurrentRequest, runtime.Time.GetTimestamp());
        runtime.Transport.Send(reference, request);
        if (IsOneWay)
        {
            return Kind switch
            {
                MethodReturnKind.ValueTask => default(ValueTask),
                MethodReturnKind.ValueTaskOfT => default(ValueTask<T>),
                MethodReturnKind.TaskOfT => Task.FromResult(default(T)!),
                _ => Task.CompletedTask,
            };
        }

        return Returned(request.Task);
    }

    private object Returned(Task<T> task) => Kind switch
    {
        MethodReturnKind.ValueTask => new ValueTask(task),
        MethodReturnKind.ValueTaskOfT => new ValueTask<T>(task),
        _ => task,
    };

    /// <summary>Copies a result through JSON (see <see cref="SiloOptions.CopyCallsThroughJson"/>).</summary>
    public T CopyResult(T result, JsonSerializerOptions options) =>
        Kind is MethodReturnKind.Task or MethodReturnKind.ValueTask ? result : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(result, options), options)!;

    private object?[] CopyArguments(object?[] args, JsonSerializerOptions options)
    {
        var parameters = Method.GetParameters();
        var copies = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var type = parameters[i].ParameterType;
            copies[i] = JsonSerializer.Deserialize(JsonSerializer.Serialize(args[i], type, options), type, options);
        }

        return copies;
    }

    private static Func<object, object?[], ValueTask<T>> CompileInvoker(MethodInfo method, MethodReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var call = Expression.Call(
            Expression.Convert(grain, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));
        Expression body = kind switch
        {
            MethodReturnKind.TaskOfT => Expression.New(typeof(ValueTask<T>).GetConstructor([typeof(Task<T>)])!, call),
            MethodReturnKind.ValueTaskOfT => call,
            MethodReturnKind.Task => Expression.Call(typeof(VoidResult).GetMethod(nameof(VoidResult.FromTask))!, call),
            _ => Expression.Call(typeof(VoidResult).GetMethod(nameof(VoidResult.FromValueTask))!, call),
        };
        return Expression.Lambda<Func<object, object?[], ValueTask<T>>>(body, grain, args).Compile();
    }
}
