using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversations.Server.Text;

/// <summary>Reads JSON strings of REST and connector bodies, refusing what <see cref="TextRules"/> refuses
/// wherever the string sits in the body.</summary>
public sealed class StrictStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && TextRules.Problem(value) is { } problem ? throw new InvalidTextException(problem) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
