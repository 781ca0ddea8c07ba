using System.Data.Common;
using Conversations.Grains.Persistence;
using Conversations.Storage.Sql;
using Conversations.Storage.Text;

namespace Conversations.Storage.Index;

/// <summary>The <c>conversation_index</c> columns in one fixed order, and the row reader.</summary>
internal static class IndexRow
{
    public const string Columns =
        "conversation_id, workspace_id, site_id, channel_id, status, assigned_agent_id, assigned_agent_name, contact_id, contact_name, " +
        "last_message_text, last_message_author, last_message_at, unanswered, waiting_since, monitored, created_at, updated_at";

    public static ConversationIndexEntry Read(DbDataReader reader, IReadOnlyDictionary<string, int> unread) => new(
        ConversationId: reader.GetString(0),
        WorkspaceId: reader.GetString(1),
        SiteId: reader.GetString(2),
        ChannelId: reader.GetString(3),
        Status: EnumText.ParseStatus(reader.GetString(4)),
        AssignedAgentId: NullableString(reader, 5),
        AssignedAgentName: NullableString(reader, 6),
        ContactId: reader.GetString(7),
        ContactName: reader.GetString(8),
        LastMessageText: NullableString(reader, 9),
        LastMessageAuthor: NullableString(reader, 10) is { } author ? EnumText.ParseAuthorKind(author) : null,
        LastMessageAt: DbTime.ReadNullable(reader.GetValue(11)),
        Unanswered: Convert.ToInt64(reader.GetValue(12), System.Globalization.CultureInfo.InvariantCulture) != 0,
        WaitingSince: DbTime.ReadNullable(reader.GetValue(13)),
        Monitored: EnumText.ParseMonitoring(reader.GetString(14)),
        UnreadByAgent: unread,
        CreatedAt: DbTime.Read(reader.GetValue(15)),
        UpdatedAt: DbTime.Read(reader.GetValue(16)));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
