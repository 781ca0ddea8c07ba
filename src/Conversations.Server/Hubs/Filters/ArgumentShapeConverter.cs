using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversations.Server.Hubs.Filters;

/// <summary>Reads a hub argument with the serializer's own converter; when its shape is wrong (a number for
/// an id, a string for the object), skips the value and binds a placeholder naming the field.</summary>
/// <typeparam name="T">A hub request record.</typeparam>
public sealed class ArgumentShapeConverter<T>(JsonSerializerOptions inner) : JsonConverter<T>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The reader is a struct: a copy is a bookmark to skip the whole value from after a failure.
        var start = reader;
        try
        {
            return JsonSerializer.Deserialize<T>(ref reader, inner);
        }
        catch (JsonException error)
        {
            reader = start;
            reader.Skip();
            var field = error.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "argument";
            return ArgumentShapes.Refused<T>(field, field == "argument" ? "must be a JSON object of the documented shape." : "has the wrong JSON type.");
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, inner);
}
