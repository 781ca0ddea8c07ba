namespace Conversations.Grains.Assistant;

/// <summary>Stand-in until the assistant issue lands (Conversations.Bots replaces it): a welcome message,
/// a handoff when the customer asks for a human, and a fallback otherwise, so the handoff state machine
/// can be exercised end to end without the real engine.</summary>
public sealed class StandInAssistantResponder : IAssistantResponder
{
    private static readonly string[] HandoffWords = ["human", "agent", "conseiller", "humain"];

    public Task<AssistantReply> RespondAsync(AssistantTurn turn, CancellationToken cancellationToken = default)
    {
        var french = turn.Locale?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true;
        if (turn.IsStart)
        {
            return Task.FromResult(new AssistantReply([new AssistantOutput(french
                ? "Bonjour ! Je suis l'assistant. Écrivez « conseiller » pour parler à un humain."
                : "Hello! I am the assistant. Type \"agent\" to talk to a human.")]));
        }

        if (turn.IsResume)
        {
            return Task.FromResult(new AssistantReply([new AssistantOutput(french ? "Me revoici. Que puis-je faire pour vous ?" : "I am back. How can I help?")]));
        }

        var text = turn.Text ?? string.Empty;
        if (HandoffWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(new AssistantReply(
                [new AssistantOutput(french ? "Je vous mets en relation avec un conseiller." : "Let me connect you with an agent.")],
                Handoff: true));
        }

        return Task.FromResult(new AssistantReply(
            [new AssistantOutput(french ? "Je n'ai pas compris." : "Sorry, I did not understand.")],
            Fallback: true));
    }
}
