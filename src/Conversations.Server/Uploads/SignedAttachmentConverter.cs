using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Contracts;

namespace Conversations.Server.Uploads;

/// <summary>Writes a message's attachment with a freshly signed link when it is one of ours (CONTRACT.md
/// keeps the shape <c>{ id, url, contentType, name }</c>); the stored message keeps the bare path, so a
/// link never outlives what it is signed for. Registered for the hub protocols and the REST API alike.</summary>
public sealed class SignedAttachmentConverter(UploadLinks links) : JsonConverter<Attachment>
{
    public override Attachment? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An attachment is an object.");
        }

        string? id = null, url = null, contentType = null, name = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
            switch (property?.ToLowerInvariant())
            {
                case "id": id = value; break;
                case "url": url = value; break;
                case "contenttype": contentType = value; break;
                case "name": name = value; break;
            }
        }

        return id is null || url is null || contentType is null || name is null
            ? throw new JsonException("An attachment needs id, url, contentType and name.")
            : new Attachment(id, url, contentType, name);
    }

    public override void Write(Utf8JsonWriter writer, Attachment value, JsonSerializerOptions options)
    {
        var url = UploadLinks.IdOf(value.Url) is { } uploadId ? links.Sign(uploadId) : value.Url;
        writer.WriteStartObject();
        writer.WriteString(Name(nameof(Attachment.Id), options), value.Id);
        writer.WriteString(Name(nameof(Attachment.Url), options), url);
        writer.WriteString(Name(nameof(Attachment.ContentType), options), value.ContentType);
        writer.WriteString(Name(nameof(Attachment.Name), options), value.Name);
        writer.WriteEndObject();
    }

    private static string Name(string property, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
