using System.Buffers;
using System.Text.Json;
using Conversations.Contracts;
using Conversations.Server.Hubs.Payloads;
using Conversations.Server.Hubs.Protocol;
using MessagePack;

namespace Conversations.Server.Tests.Hubs.Protocol;

public sealed class JsonMessagePackResolverTests
{
    private static readonly MessagePackSerializerOptions Options = JsonMessagePackResolver.SerializerOptions(JsonSerializerOptions.Web);

    private static readonly Message Sample = new(
        "m1", "c1", 3, MessageKind.Choice, new MessageAuthor(AuthorKind.Bot, null, "Assistant"), "Pick one",
        null, [new ChoiceOption("o1", "Yes")], "client-1", new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Serialize_Message_CamelCaseKeysEnumStringsAndIsoTimes()
    {
        var bytes = MessagePackSerializer.Serialize(Sample, Options);

        // Read back with MessagePack's own untyped reader, as a client that knows nothing of ours would.
        var map = Assert.IsType<Dictionary<object, object?>>(MessagePackSerializer.Deserialize<object>(bytes, MessagePackSerializerOptions.Standard));
        Assert.Equal(["id", "conversationId", "seq", "kind", "author", "text", "attachment", "options", "clientMessageId", "createdAt"], map.Keys.Cast<string>());
        Assert.Equal("choice", map["kind"]);
        Assert.Equal((byte)3, map["seq"]);
        Assert.Null(map["attachment"]);
        var author = Assert.IsType<Dictionary<object, object?>>(map["author"]);
        Assert.Equal("bot", author["kind"]);
        Assert.Equal(Sample.CreatedAt, DateTimeOffset.Parse(Assert.IsType<string>(map["createdAt"]), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Serialize_StartResult_SameTreeAsTheJsonProtocol()
    {
        var start = new StartResult("c1", "token", new ConversationState("c1", ConversationStatus.Live, new AgentRef("agent1", "Agent 1")), [Sample]);

        var bytes = MessagePackSerializer.Serialize(start, Options);
        var fromMessagePack = MessagePackSerializer.Deserialize<JsonElement>(bytes, Options);

        Assert.True(JsonElement.DeepEquals(JsonSerializer.SerializeToElement(start, JsonSerializerOptions.Web), fromMessagePack), fromMessagePack.GetRawText());
    }

    [Fact]
    public void Deserialize_JavaScriptClientMap_ReadsTheRecord()
    {
        // What @microsoft/signalr-protocol-msgpack sends for { conversationId, seq, ..., createdAt: new Date() }.
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(10);
        writer.Write("id");
        writer.Write("m2");
        writer.Write("conversationId");
        writer.Write("c1");
        writer.Write("seq");
        writer.Write(uint.MaxValue + 1L);
        writer.Write("kind");
        writer.Write("text");
        writer.Write("author");
        writer.WriteMapHeader(2);
        writer.Write("kind");
        writer.Write("customer");
        writer.Write("name");
        writer.Write("Camille");
        writer.Write("text");
        writer.Write("Bonjour é");
        writer.Write("attachment");
        writer.WriteNil();
        writer.Write("options");
        writer.WriteArrayHeader(0);
        writer.Write("clientMessageId");
        writer.WriteNil();
        writer.Write("createdAt");
        writer.Write(new DateTime(2026, 12, 1, 10, 30, 0, DateTimeKind.Utc));
        writer.Flush();

        var message = MessagePackSerializer.Deserialize<Message>(buffer.WrittenMemory, Options);

        Assert.Equal(uint.MaxValue + 1L, message.Seq);
        Assert.Equal(AuthorKind.Customer, message.Author.Kind);
        Assert.Equal("Bonjour é", message.Text);
        Assert.Empty(message.Options!);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero), message.CreatedAt);
    }

    [Fact]
    public void Deserialize_WrongTypedField_Throws()
    {
        var bytes = MessagePackSerializer.Serialize(new { conversationId = 42 }, MessagePackSerializerOptions.Standard);

        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize<ReadPayload>(bytes, Options));
    }
}
