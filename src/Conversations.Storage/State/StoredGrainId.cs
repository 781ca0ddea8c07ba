namespace Conversations.Storage.State;

/// <summary>How <c>grain_state</c> and <c>reminders</c> key a grain: its Orleans grain type (the
/// <c>[GrainType]</c> name, e.g. <c>ConversationGrain</c>) and its string key.</summary>
/// <param name="Type">The grain type name.</param>
/// <param name="Key">The primary key.</param>
internal sealed record StoredGrainId(string Type, string Key)
{
    public static StoredGrainId From(GrainId grainId) => new(grainId.Type.ToString()!, grainId.Key.ToString()!);

    public override string ToString() => $"{Type}/{Key}";
}
