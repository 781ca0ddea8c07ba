using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Server.Errors;
using Conversations.Server.Text;

namespace Conversations.Server.Connectors;

/// <summary>JSON both ways for connectors: camelCase, absent members omitted rather than sent as null.</summary>
public static class ConnectorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new StrictStringConverter() },
    };

    /// <summary>Parses a verified body; a body that is not a JSON object of <typeparamref name="T"/> gives a 400 naming
    /// the wrong field (or <c>body</c>).</summary>
    public static (T? Value, IResult? Refusal) Parse<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options) is { } value
                ? (value, null)
                : (null, Problems.Invalid("body", "The body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            var field = JsonFields.Of(exception, "body");
            return (null, Problems.Invalid(field, JsonFields.Message(exception, field)));
        }
    }
}
