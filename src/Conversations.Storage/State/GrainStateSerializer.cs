using System.Text.Json;

namespace Conversations.Storage.State;

/// <summary>Turns grain state into bytes and back with System.Text.Json: the payload format <c>grain_state</c>
/// has always held, so an existing data folder still opens. Grain calls use Orleans' serializer; only
/// stored state goes through JSON.</summary>
public sealed class GrainStateSerializer(JsonSerializerOptions options)
{
    /// <summary>The web defaults the stored payloads were written with.</summary>
    public GrainStateSerializer()
        : this(new JsonSerializerOptions(JsonSerializerDefaults.Web))
    {
    }

    /// <summary>The options in use.</summary>
    public JsonSerializerOptions Options { get; } = options;

    /// <summary>Serializes a state object to UTF-8 JSON.</summary>
    public byte[] Serialize<TState>(TState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    /// <summary>Deserializes UTF-8 JSON to a state object, or a new one for an empty payload. Orleans' state
    /// types carry no <c>new()</c> constraint, so the provider creates the empty state itself.</summary>
    public TState Deserialize<TState>(ReadOnlySpan<byte> payload) =>
        payload.IsEmpty ? Activator.CreateInstance<TState>() : JsonSerializer.Deserialize<TState>(payload, Options) ?? Activator.CreateInstance<TState>();
}
