namespace Conversations.Grains.Assistant;

/// <summary>The seam between the conversation grain and the assistant engine (Conversations.Bots, a later
/// issue): given a turn, what the assistant says and whether it hands over to a human.</summary>
public interface IAssistantResponder
{
    Task<AssistantReply> RespondAsync(AssistantTurn turn, CancellationToken cancellationToken = default);
}
