using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Conversations.Actors;

/// <summary>A caller's request for a method returning <typeparamref name="T"/> (object for
/// Task/ValueTask methods). The caller's task is completed through an
/// <see cref="AsyncTaskMethodBuilder{TResult}"/>: one task allocation, no TaskCompletionSource.</summary>
internal sealed class GrainRequest<T> : GrainRequest
{
    private readonly GrainMethodDescriptor<T> _method;
    private readonly object?[] _args;
    private AsyncTaskMethodBuilder<T> _builder;
    private T? _result;
    private Exception? _exception;

    public GrainRequest(GrainMethodDescriptor<T> method, object?[] args, GrainRequest? parent, long createdAt)
        : base(parent, createdAt)
    {
        _method = method;
        _args = args;
        if (!method.IsOneWay)
        {
            // Creates the task now, before another thread can complete it.
            _ = _builder.Task;
        }
    }

    /// <summary>The caller's task.</summary>
    public Task<T> Task => _builder.Task;

    public override bool IsAlwaysInterleave => _method.IsAlwaysInterleave;

    public override bool IsReadOnly => _method.IsReadOnly;

    public override bool IsInternal => false;

    public override string Describe() => _method.Name;

    protected override Task? Invoke(object? grain)
    {
        var result = _method.Invoker(grain!, _args);
        if (result.IsCompletedSuccessfully)
        {
            _result = result.Result;
            return null;
        }

        return result.AsTask();
    }

    protected override void RecordResult(Task completedTask) => _result = ((Task<T>)completedTask).Result;

    protected override void RecordException(Exception exception) => _exception = exception;

    protected override void OnFinished(ActivationData activation)
    {
        activation.Runtime.Metrics.CallCompleted(activation.Runtime.Time, CreatedAt);
        if (_method.IsOneWay)
        {
            if (_exception is not null)
            {
                activation.Runtime.Logger.LogWarning(_exception, "One-way call {Method} to {GrainId} failed", _method.Name, activation.GrainId);
            }

            return;
        }

        if (!TryMarkCompleted())
        {
            return;
        }

        if (_exception is not null)
        {
            _builder.SetException(_exception);
            return;
        }

        var options = activation.Runtime.Options;
        T result;
        try
        {
            result = options.CopyCallsThroughJson ? _method.CopyResult(_result!, options.JsonSerializerOptions) : _result!;
        }
        catch (Exception copyFailure)
        {
            _builder.SetException(copyFailure);
            return;
        }

        _builder.SetResult(result);
    }

    protected override void SetCallerException(Exception exception)
    {
        if (!_method.IsOneWay)
        {
            _builder.SetException(exception);
        }
    }
}
