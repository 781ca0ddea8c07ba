namespace Conversations.Bots.Lifecycle;

/// <summary>Draft until the first publish; active while a published version answers.</summary>
public enum AssistantStatus
{
    Draft,
    Active,
}
