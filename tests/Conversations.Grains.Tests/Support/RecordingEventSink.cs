using System.Collections.Concurrent;
using Conversations.Contracts;

namespace Conversations.Grains.Tests.Support;

/// <summary>Keeps published events for assertions, in publication order.</summary>
public sealed class RecordingEventSink : IConversationEventSink
{
    public ConcurrentQueue<ConversationEvent> Events { get; } = new();

    public void Publish(ConversationEvent conversationEvent) => Events.Enqueue(conversationEvent);

    public IReadOnlyList<T> Of<T>()
        where T : ConversationEvent => [.. Events.OfType<T>()];
}
