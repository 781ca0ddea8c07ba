namespace Conversations.Actors;

/// <summary>The <see cref="IPersistentState{TState}"/> handed to a grain constructor.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainState<TState>, IStateLoader
    where TState : new()
{
    private readonly ActivationData _activation;
    private readonly IGrainStorage _storage;
    private readonly string _stateName;

    public PersistentState(ActivationData activation, IGrainStorage storage, string stateName)
    {
        _activation = activation;
        _storage = storage;
        _stateName = stateName;
        activation.AddStateLoader(this);
    }

    public TState State { get; set; } = new();

    public long Version { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        _storage.ReadStateAsync(_stateName, _activation.GrainId, this, cancellationToken);

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _storage.WriteStateAsync(_stateName, _activation.GrainId, this, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            _activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _storage.ClearStateAsync(_stateName, _activation.GrainId, this, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            _activation.RequestDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
    }
}
