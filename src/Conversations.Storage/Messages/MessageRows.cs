using System.Data.Common;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Storage.Sql;
using Conversations.Storage.Text;

namespace Conversations.Storage.Messages;

/// <summary>The <c>messages</c> columns in one fixed order, shared by every statement that reads or writes them.</summary>
internal static class MessageRows
{
    public const string Columns =
        "conversation_id, seq, id, kind, author_kind, author_id, author_name, text, attachment, options, client_message_id, channel_id, external_id, created_at";

    public static string? AttachmentJson(Message message) =>
        message.Attachment is null ? null : JsonSerializer.Serialize(message.Attachment, StorageJsonContext.Default.Attachment);

    public static string? OptionsJson(Message message) =>
        message.Options is null ? null : JsonSerializer.Serialize(message.Options, StorageJsonContext.Default.IReadOnlyListChoiceOption);

    /// <summary>Reads a row selected with <see cref="Columns"/>.</summary>
    public static Message Read(DbDataReader reader) => new(
        Id: reader.GetString(2),
        ConversationId: reader.GetString(0),
        Seq: reader.GetInt64(1),
        Kind: EnumText.ParseMessageKind(reader.GetString(3)),
        Author: new MessageAuthor(EnumText.ParseAuthorKind(reader.GetString(4)), NullableString(reader, 5), reader.GetString(6)),
        Text: NullableString(reader, 7),
        Attachment: NullableString(reader, 8) is { } attachment ? JsonSerializer.Deserialize(attachment, StorageJsonContext.Default.Attachment) : null,
        Options: NullableString(reader, 9) is { } options ? JsonSerializer.Deserialize(options, StorageJsonContext.Default.IReadOnlyListChoiceOption) : null,
        ClientMessageId: NullableString(reader, 10),
        CreatedAt: DbTime.Read(reader.GetValue(13)));

    /// <summary>The channel and external id of a row selected with <see cref="Columns"/>.</summary>
    public static (string? ChannelId, string? ExternalId) ReadExternal(DbDataReader reader) =>
        (NullableString(reader, 11), NullableString(reader, 12));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
