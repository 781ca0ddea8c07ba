using System.Text.Json;

namespace Conversations.Server.Text;

/// <summary>A JSON string the edge refuses (see <see cref="TextRules"/>); the serializer adds the path of the
/// field, which the 400 names.</summary>
public sealed class InvalidTextException : JsonException
{
    public InvalidTextException()
    {
    }

    public InvalidTextException(string message)
        : base(message)
    {
    }

    public InvalidTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
