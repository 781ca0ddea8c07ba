namespace Conversations.Benchmarks.E2e;

/// <summary>One side of the comparison: the real server or the bare relay, with connected customers and
/// agents, each customer in a live conversation whose agent reports deliveries to the recorder.</summary>
public interface IChatTarget : IAsyncDisposable
{
    string Name { get; }

    int Conversations { get; }

    /// <summary>Customer <paramref name="index"/> sends one message; completes on the server's acknowledgement.</summary>
    Task SendAsync(int index, string clientMessageId);
}
