using Conversations.Bots.Definition;

using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Conversations.Bots.Yaml;

/// <summary>Reads a <see cref="LocalizedText"/> from a plain string or a language → text map, and writes it back
/// the same way (a plain string when it serves every language).</summary>
internal sealed class LocalizedTextConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(LocalizedText);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new LocalizedText(scalar.Value);
        }

        if (!parser.TryConsume<MappingStart>(out _))
        {
            throw new YamlException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty,
                "expected a text or a map from language code to text");
        }

        var text = new LocalizedText();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (!parser.TryConsume<Scalar>(out var value))
            {
                throw new YamlException(key.Start, key.End, $"the text for language '{key.Value}' must be a plain string");
            }

            text.Values[key.Value] = value.Value;
        }

        return text;
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
    {
        var text = (LocalizedText)value!;
        if (text.Values.Count == 1 && text.Values.TryGetValue(LocalizedText.AnyLanguage, out var any))
        {
            emitter.Emit(new Scalar(any));
            return;
        }

        emitter.Emit(new MappingStart());
        foreach (var (language, translation) in text.Values)
        {
            emitter.Emit(new Scalar(language));
            emitter.Emit(new Scalar(translation));
        }

        emitter.Emit(new MappingEnd());
    }
}
