using Conversations.Actors.Tests.Support;

namespace Conversations.Actors.Tests.Grains;

public sealed class GateGrain(Probe probe) : Grain, IGateGrain
{
    public Task Hold(string name) => HoldCore(name);

    public Task Quick(string name)
    {
        probe.Record(name);
        return Task.CompletedTask;
    }

    public Task Interleaving(string name) => Quick(name);

    public Task HoldReadOnly(string name) => HoldCore(name);

    public Task QuickReadOnly(string name) => Quick(name);

    public Task HoldOneWay(string name) => HoldCore(name);

    public Task ThrowOneWay() => throw new InvalidOperationException("one-way failure");

    private async Task HoldCore(string name)
    {
        probe.Record($"{name}:start");
        probe.Signal(name);
        await probe.Gate(name);
        probe.Record($"{name}:end");
    }
}
