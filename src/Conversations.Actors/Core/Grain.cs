namespace Conversations.Actors;

/// <summary>Base class of grain implementations. The runtime creates grains (constructor injection
/// from the silo's services, plus <see cref="PersistentStateAttribute"/> parameters) and runs their
/// calls one turn at a time.</summary>
public abstract class Grain
{
    private readonly ActivationData _activation;

    /// <summary>Binds the grain to the activation being created; grains are never constructed by hand.</summary>
    protected Grain()
    {
        _activation = RuntimeContext.CurrentActivation
            ?? throw new InvalidOperationException($"{GetType().Name} is a grain: get a reference from IGrainFactory instead of constructing it.");
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => _activation.GrainId;

    /// <summary>The factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime.GrainFactory;

    /// <summary>The activation's service scope.</summary>
    protected IServiceProvider ServiceProvider => _activation.Services;

    /// <summary>The primary key.</summary>
    public string GetPrimaryKeyString() => _activation.GrainId.Key;

    /// <summary>A reference to this grain through one of its interfaces, to hand to other grains.</summary>
    protected TGrainInterface AsReference<TGrainInterface>()
        where TGrainInterface : IGrain =>
        _activation.Runtime.GrainFactory.GetGrain<TGrainInterface>(_activation.GrainId);

    /// <summary>Called in the activation's first turn, after persistent state was read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called in the activation's last turn.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request completes; later calls create a new one.</summary>
    protected void DeactivateOnIdle() => _activation.RequestDeactivation(DeactivationReason.ApplicationRequested);

    /// <summary>Keeps the activation from idle collection for at least this long.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => _activation.DelayDeactivation(timeSpan);

    /// <summary>Starts a timer whose callback runs as a turn of this activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        _activation.RegisterTimer(callback, dueTime, period);

    /// <summary>Starts a timer with a state argument.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, TimeSpan dueTime, TimeSpan period) =>
        _activation.RegisterTimer(ct => callback(state, ct), dueTime, period);

    /// <summary>Registers (or moves) a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        _activation.Runtime.Reminders.RegisterOrUpdateAsync(_activation, reminderName, dueTime, period);

    /// <summary>Removes a durable reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) =>
        _activation.Runtime.Reminders.UnregisterAsync(_activation.GrainId, reminder.ReminderName);

    /// <summary>A registered reminder by name, or null.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        _activation.Runtime.Reminders.GetAsync(_activation.GrainId, reminderName);

    /// <summary>This grain's reminders.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() =>
        _activation.Runtime.Reminders.GetAllAsync(_activation.GrainId);
}
