using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>Reads hub-protocol values: an absent value (a void method's result, an event without
/// argument) reads as the type's default.</summary>
internal static class HubJson
{
    public static T? Read<T>(JsonElement element, JsonSerializerOptions options) =>
        element.ValueKind == JsonValueKind.Undefined ? default : element.Deserialize<T>(options);
}
