namespace Conversations.Actors.Tests.Grains;

/// <summary>Cannot cross a grain call: delegates do not serialize.</summary>
public sealed record Unserializable(Action Callback);
