namespace Conversations.Bots.Runtime;

/// <summary>The assistant engine as a pure function: (compiled definition, bot state, turn) → (new state,
/// messages, variables, tags, notes, transfer…). No I/O and no clock, so the conversation grain decides what
/// to store and send, and tests run any dialogue in microseconds.</summary>
public static class AssistantInterpreter
{
    public static BotReply Respond(CompiledAssistant assistant, BotState? state, BotInput input)
    {
        var turn = new TurnContext(assistant, state ?? BotState.Initial, input);
        switch (input.Kind)
        {
            case BotInputKind.Start:
                turn.Start();
                break;
            case BotInputKind.Resume:
                turn.Resume();
                break;
            case BotInputKind.Choice:
                turn.Choose(input.ChoiceId ?? string.Empty);
                break;
            default:
                turn.Say(input.Text ?? string.Empty);
                break;
        }

        return turn.ToReply();
    }
}
