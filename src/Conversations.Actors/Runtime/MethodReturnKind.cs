namespace Conversations.Actors;

/// <summary>The shape of a grain method's return type.</summary>
internal enum MethodReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
