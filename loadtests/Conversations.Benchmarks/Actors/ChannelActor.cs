using System.Threading.Channels;

namespace Conversations.Benchmarks;

/// <summary>The baseline: a hand-written actor, one single-reader channel drained by one loop, doing the
/// same work as <see cref="PingGrain"/> and answering through a TaskCompletionSource.</summary>
public sealed class ChannelActor
{
    private readonly Channel<(int Value, TaskCompletionSource<int> Reply)> _mailbox =
        Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });

    private int _calls;

    public ChannelActor() => _ = Task.Run(RunAsync);

    public Task<int> Ping(int value)
    {
        var reply = new TaskCompletionSource<int>();
        _mailbox.Writer.TryWrite((value, reply));
        return reply.Task;
    }

    public void Stop() => _mailbox.Writer.TryComplete();

    private async Task RunAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var item))
            {
                _calls++;
                item.Reply.SetResult(item.Value + _calls - _calls + 1);
            }
        }
    }
}
