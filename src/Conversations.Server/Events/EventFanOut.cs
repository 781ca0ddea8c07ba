using Conversations.Contracts;

namespace Conversations.Server.Events;

/// <summary>The silo's event sink: hands each grain event to every edge handler. A failing handler is
/// logged and never reaches the grain that published.</summary>
public sealed partial class EventFanOut(IEnumerable<IConversationEventHandler> handlers, ILogger<EventFanOut> logger) : IConversationEventSink
{
    private readonly IConversationEventHandler[] _handlers = [.. handlers];

    public void Publish(ConversationEvent conversationEvent)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler.Handle(conversationEvent);
            }
            catch (Exception exception)
            {
                LogHandlerFailed(exception, handler.GetType().Name, conversationEvent.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event handler {Handler} failed on {Event}")]
    private partial void LogHandlerFailed(Exception exception, string handler, string @event);
}
