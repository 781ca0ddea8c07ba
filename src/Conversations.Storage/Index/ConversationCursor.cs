using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Conversations.Storage.Sql;

namespace Conversations.Storage.Index;

/// <summary>The keyset position after a page: the last row's (updated_at, conversation_id), as opaque
/// URL-safe base64 so clients never build or parse it.</summary>
internal readonly record struct ConversationCursor(long UpdatedAtMicros, string ConversationId)
{
    private static readonly long MinMicros = DbTime.ToMicros(DateTimeOffset.MinValue);
    private static readonly long MaxMicros = DbTime.ToMicros(DateTimeOffset.MaxValue);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{UpdatedAtMicros}|{ConversationId}")));

    /// <summary>Decodes a cursor; a malformed one is a client error, reported as <see cref="FormatException"/>.</summary>
    public static ConversationCursor Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            var micros = long.Parse(text.AsSpan(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture);

            // A forged cursor may name a time no DateTimeOffset can hold; it is as malformed as bad base64.
            return micros < MinMicros || micros > MaxMicros
                ? throw new FormatException("The cursor's time is out of range.")
                : new ConversationCursor(micros, text[(bar + 1)..]);
        }
        catch (Exception error) when (error is FormatException or ArgumentException or OverflowException)
        {
            throw new FormatException("The cursor is not one this server issued.", error);
        }
    }
}
