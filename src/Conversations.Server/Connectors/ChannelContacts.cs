namespace Conversations.Server.Connectors;

/// <summary>The contact id of a channel user: one contact per (channel, provider user), so the contact
/// grain's get-or-create makes one open conversation per user. The id is reversible given the channel,
/// which lets outbound deliveries address the user without a grain call.</summary>
public static class ChannelContacts
{
    private const string Prefix = "channel:";

    public static string ContactId(string channelId, string userId) => $"{Prefix}{channelId}:{userId}";

    /// <summary>The provider user id of <paramref name="contactId"/> when it is a user of <paramref name="channelId"/>.</summary>
    public static bool TryGetUserId(string channelId, string contactId, out string userId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(contactId);
        var prefixLength = Prefix.Length + channelId.Length + 1;
        if (contactId.Length > prefixLength
            && contactId.StartsWith(Prefix, StringComparison.Ordinal)
            && contactId.AsSpan(Prefix.Length).StartsWith(channelId, StringComparison.Ordinal)
            && contactId[prefixLength - 1] == ':')
        {
            userId = contactId[prefixLength..];
            return true;
        }

        userId = string.Empty;
        return false;
    }
}
