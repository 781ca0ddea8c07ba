using System.Text.Json;
using System.Text.Json.Serialization;

using Conversations.Bots.Definition;

namespace Conversations.Server.Assistants;

/// <summary>A <see cref="LocalizedText"/> in JSON as in YAML: a plain string (every language) or an object
/// from language code to text, so the console edits the same shapes a botmaster writes in a file.</summary>
public sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = options.GetConverter(typeof(string)) as JsonConverter<string>;
        if (reader.TokenType == JsonTokenType.String)
        {
            return new LocalizedText(ReadString(ref reader, text, options));
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected a text or an object from language code to text");
        }

        var localized = new LocalizedText();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var language = reader.GetString() ?? string.Empty;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"the text for language '{language}' must be a string");
            }

            localized.Values[language] = ReadString(ref reader, text, options);
        }

        return localized;
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Values.Count == 1 && value.Values.TryGetValue(LocalizedText.AnyLanguage, out var any))
        {
            writer.WriteStringValue(any);
            return;
        }

        writer.WriteStartObject();
        foreach (var (language, translation) in value.Values)
        {
            writer.WriteString(language, translation);
        }

        writer.WriteEndObject();
    }

    // The options' own string converter (the edge's strict one) still refuses what it refuses inside a text.
    private static string ReadString(ref Utf8JsonReader reader, JsonConverter<string>? converter, JsonSerializerOptions options) =>
        (converter is null ? reader.GetString() : converter.Read(ref reader, typeof(string), options)) ?? string.Empty;
}
