using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Server.Hubs.Requests;

namespace Conversations.Server.Hubs.Filters;

/// <summary>Applies <see cref="ArgumentShapeConverter{T}"/> to the hub request records (the
/// <c>Hubs.Requests</c> namespace); the records' members are read by the serializer as usual.</summary>
public sealed class ArgumentShapeConverterFactory : JsonConverterFactory
{
    private JsonSerializerOptions? _inner;

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert is { IsClass: true } && typeToConvert.Namespace == typeof(StartRequest).Namespace;

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inner = _inner ??= WithoutThis(options);
        return (JsonConverter?)Activator.CreateInstance(typeof(ArgumentShapeConverter<>).MakeGenericType(typeToConvert), inner);
    }

    // The records themselves are read by options without this factory, so nested records read normally.
    private JsonSerializerOptions WithoutThis(JsonSerializerOptions options)
    {
        var inner = new JsonSerializerOptions(options);
        inner.Converters.Remove(this);
        return inner;
    }
}
