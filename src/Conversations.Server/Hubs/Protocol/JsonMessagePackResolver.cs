using System.Collections.Concurrent;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace Conversations.Server.Hubs.Protocol;

/// <summary>Serializes every hub payload for the MessagePack hub protocol as the MessagePack form of the
/// JSON the JSON hub protocol would send (same <see cref="JsonSerializerOptions"/>): maps with camelCase
/// keys, enums as their CONTRACT.md strings, times as ISO 8601 strings. So both protocols carry the same
/// names and shapes by construction, which MessagePack's own contractless resolver (PascalCase keys, enum
/// names, timestamp extensions) would not.</summary>
public sealed class JsonMessagePackResolver(JsonSerializerOptions json) : IFormatterResolver
{
    private readonly ConcurrentDictionary<Type, object> _formatters = new();

    /// <summary>MessagePack options for a hub protocol whose payloads follow <paramref name="json"/>;
    /// untrusted-data limits because clients are untrusted.</summary>
    public static MessagePackSerializerOptions SerializerOptions(JsonSerializerOptions json) =>
        MessagePackSerializerOptions.Standard
            .WithResolver(new JsonMessagePackResolver(json))
            .WithSecurity(MessagePackSecurity.UntrustedData);

    public IMessagePackFormatter<T>? GetFormatter<T>() =>
        (IMessagePackFormatter<T>)_formatters.GetOrAdd(typeof(T), static (_, options) => new JsonMessagePackFormatter<T>(options), json);
}
