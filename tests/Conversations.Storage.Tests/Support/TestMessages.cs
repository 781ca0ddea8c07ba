using Conversations.Contracts;
using Conversations.Grains.Persistence;

namespace Conversations.Storage.Tests.Support;

/// <summary>Builds messages for tests.</summary>
public static class TestMessages
{
    public static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static MessageAppend Append(string conversationId, long seq, string? clientId = null, string? channelId = null, string? externalId = null, string? id = null) =>
        new(new Message(
            id ?? $"{conversationId}-m{seq}",
            conversationId,
            seq,
            MessageKind.Text,
            new MessageAuthor(AuthorKind.Customer, "contact-1", "Ada"),
            $"hello {seq}",
            null,
            null,
            clientId,
            Start.AddSeconds(seq)),
            channelId,
            externalId);
}
