namespace Conversations.Bots.Runtime;

/// <summary>What happened in the conversation for the assistant to react to.</summary>
public enum BotInputKind
{
    /// <summary>The conversation starts: the onboarding flow runs.</summary>
    Start,

    /// <summary>The customer wrote something.</summary>
    Text,

    /// <summary>The customer picked an option.</summary>
    Choice,

    /// <summary>"Back to the assistant": a human gave the conversation back.</summary>
    Resume,
}
