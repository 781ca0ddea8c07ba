namespace Conversations.Grains.Conversation.Handoff;

/// <summary>Why an agent gets a conversation; each reason has its own allowed sources and words.</summary>
public enum AssignReason
{
    /// <summary>The agent took it from the list.</summary>
    Took,

    /// <summary>A supervisor assigned it.</summary>
    Assigned,

    /// <summary>The live agent (or a supervisor) transferred it to another agent.</summary>
    Transferred,

    /// <summary>An agent reopened it from Closed.</summary>
    Reopened,

    /// <summary>The customer accepted the agent's offer of help.</summary>
    AcceptedHelp,

    /// <summary>Routing offered it from the queue.</summary>
    FromQueue,

    /// <summary>The assistant transferred it to a named agent.</summary>
    ByAssistant,
}
