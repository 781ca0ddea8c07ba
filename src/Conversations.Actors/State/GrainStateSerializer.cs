using System.Text.Json;

namespace Conversations.Actors;

/// <summary>Turns grain state into bytes and back with System.Text.Json, for every storage provider.
/// Hosts add source-generated contexts to <see cref="SiloOptions.JsonSerializerOptions"/>.</summary>
public sealed class GrainStateSerializer(JsonSerializerOptions options)
{
    /// <summary>The options in use.</summary>
    public JsonSerializerOptions Options { get; } = options;

    /// <summary>Serializes a state object to UTF-8 JSON.</summary>
    public byte[] Serialize<TState>(TState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    /// <summary>Deserializes UTF-8 JSON to a state object, or a new one for an empty payload.</summary>
    public TState Deserialize<TState>(ReadOnlySpan<byte> payload)
        where TState : new() =>
        payload.IsEmpty ? new TState() : JsonSerializer.Deserialize<TState>(payload, Options) ?? new TState();
}
