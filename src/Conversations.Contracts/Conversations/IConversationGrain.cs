using Orleans.Concurrency;

namespace Conversations.Contracts;

/// <summary>One conversation and its handoff state machine (key: conversation id). Customer methods
/// take the contact id the edge got from the visitor token; agent methods take the agent id from the
/// sign-in claims. The grain checks that the caller may act and throws <see cref="DomainException"/>.</summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Creates the conversation (bot when the site or channel has a published assistant,
    /// else waiting); sent by the contact grain. Starting an existing conversation returns its snapshot.</summary>
    Task<ConversationSnapshot> StartAsync(StartConversation command);

    Task<ConversationState> GetStateAsync();

    /// <summary>The console summary, unread counted for <paramref name="agentId"/> when given.</summary>
    Task<ConversationSummary> GetSummaryAsync(string? agentId);

    /// <summary>The detail view for an agent allowed on the site.</summary>
    Task<ConversationDetails> GetDetailsAsync(string agentId);

    // Customer side (widget hub, connectors through the contact grain).

    /// <summary>Stores a customer message; a closed conversation reopens or refuses with
    /// <see cref="DomainErrors.ConversationClosed"/> per the site's reopen policy.</summary>
    Task<SendResult> SendAsCustomerAsync(CustomerMessage command);

    Task<Message> ChooseAsync(CustomerChoice command);

    Task<ConversationState> RequestAgentAsync(string contactId);

    Task<ConversationState> CustomerReturnToBotAsync(string contactId);

    Task<ConversationState> AcceptHelpAsync(string contactId);

    Task CustomerTypingAsync(string contactId, bool isTyping);

    Task CustomerMarkReadAsync(string contactId, long upToSeq);

    Task RateAsync(string contactId, int score, string? comment);

    /// <summary>Messages before <paramref name="beforeSeq"/>, notes left out.</summary>
    Task<IReadOnlyList<Message>> CustomerHistoryAsync(string contactId, long? beforeSeq, int limit);

    // Agent side (console hub).

    Task<Message> ReplyAsync(AgentMessage command);

    Task<Message> NoteAsync(AgentMessage command);

    Task<ConversationSummary> TakeAsync(string agentId);

    /// <summary>A supervisor or admin assigns a waiting or live conversation to a named agent.</summary>
    Task<ConversationSummary> AssignAsync(string actingAgentId, string agentId);

    Task<ConversationSummary> TransferAsync(TransferRequest command);

    Task<ConversationSummary> CloseAsync(string agentId);

    /// <summary>Reopens a closed conversation, live and assigned to <paramref name="agentId"/>.</summary>
    Task<ConversationSummary> ReopenAsync(string agentId);

    Task<ConversationSummary> AgentReturnToBotAsync(string agentId);

    Task AgentTypingAsync(string agentId, bool isTyping);

    Task AgentMarkReadAsync(string agentId, long upToSeq);

    Task WatchAsync(string agentId);

    Task UnwatchAsync(string agentId);

    /// <summary>Offers help to a customer the assistant handles; the customer may accept.</summary>
    Task OfferHelpAsync(string agentId);

    Task<IReadOnlyList<Message>> AgentHistoryAsync(string agentId, long? beforeSeq, int limit);

    Task SetMonitoringAsync(string actingAgentId, MonitoringMode mode);

    Task SetVariablesAsync(string agentId, IReadOnlyDictionary<string, string> variables);

    // Grain to grain.

    /// <summary>Routing offers the conversation to an agent, one way: the conversation reserves the agent
    /// and tells routing back (<see cref="IRoutingGrain.RemoveAsync"/> when assigned or no longer waiting,
    /// <see cref="IRoutingGrain.DeclineAsync"/> when the agent cannot take it), so routing never waits on it.</summary>
    [OneWay]
    Task OfferFromQueueAsync(string agentId);

    /// <summary>The agent stayed offline past the grace period: back to the queue if still theirs.</summary>
    [OneWay]
    Task AgentWentOfflineAsync(string agentId);

    /// <summary>The contact's live widget connections went from none to some or back.</summary>
    [OneWay]
    Task SetContactOnlineAsync(bool online);
}
