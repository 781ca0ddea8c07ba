using System.Text.Json;

namespace Conversations.Server.Text;

/// <summary>Names the field of a body that failed to deserialize, as a client spelled it.</summary>
public static class JsonFields
{
    /// <summary>The field of <paramref name="exception"/>'s path ("$.from.id" is "from.id"), or
    /// <paramref name="whole"/> when the whole value was wrong or the JSON itself is malformed (the reader's
    /// own exception is then the inner one, and its path is only where the text broke off).</summary>
    public static string Of(JsonException exception, string whole)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path;
        if (exception.InnerException is JsonException || path is null or "$")
        {
            return whole;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>What was wrong, without the serializer's internal type names.</summary>
    public static string Message(JsonException exception, string field)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            InvalidTextException => $"{field} {exception.Message}",
            { InnerException: JsonException } => $"{field} is not valid JSON.",
            _ => $"{field} has the wrong JSON type or shape.",
        };
    }
}
