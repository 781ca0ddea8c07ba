using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using Conversations.Bots.Definition;
using Conversations.Server.Text;

using YamlDotNet.Serialization;

namespace Conversations.Server.Assistants;

/// <summary>The JSON form of an assistant's draft: the Bots definition model with the YAML file's names
/// (<c>equals</c>, texts as a string or a per-language object), unknown fields refused as the YAML reader
/// refuses them, and no null where the model has none, so a bad body is a 400 naming its field, never a 500.</summary>
public static class AssistantDraftJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Fields holding a null inside a list or a map (<c>intents[2].phrases.en[0]</c>), which the
    /// serializer lets through and the validator does not expect.</summary>
    public static List<(string Field, string Message)> Nulls(AssistantDefinition definition)
    {
        var problems = new List<(string Field, string Message)>();
        Walk(definition, string.Empty, problems);
        return problems;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { MirrorYamlNames } },
        };
        options.Converters.Add(new StrictStringConverter());
        options.Converters.Add(new LocalizedTextJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void MirrorYamlNames(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            var attributes = property.AttributeProvider;
            if (attributes?.IsDefined(typeof(YamlIgnoreAttribute), inherit: true) == true)
            {
                info.Properties.RemoveAt(i);
            }
            else if (attributes?.GetCustomAttributes(typeof(YamlMemberAttribute), inherit: true).OfType<YamlMemberAttribute>().FirstOrDefault()?.Alias is { } alias)
            {
                property.Name = alias;
            }
        }
    }

    private static void Walk(object value, string path, List<(string Field, string Message)> problems)
    {
        switch (value)
        {
            case string or LocalizedText:
                return;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    Child(entry.Value, $"{path}.{entry.Key}", problems);
                }

                return;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    Child(list[i], $"{path}[{i}]", problems);
                }

                return;
        }

        var info = Options.GetTypeInfo(value.GetType());
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.Get?.Invoke(value) is { } child)
            {
                Walk(child, path.Length == 0 ? property.Name : $"{path}.{property.Name}", problems);
            }
        }
    }

    private static void Child(object? value, string path, List<(string Field, string Message)> problems)
    {
        if (value is null)
        {
            problems.Add((path, "must not be null"));
        }
        else
        {
            Walk(value, path, problems);
        }
    }
}
