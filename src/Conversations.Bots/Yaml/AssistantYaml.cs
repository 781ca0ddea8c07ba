using Conversations.Bots.Definition;

using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Conversations.Bots.Yaml;

/// <summary>Assistants as files: YAML in, <see cref="AssistantDefinition"/> out (validated, errors with line
/// and field), and back.</summary>
public static class AssistantYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new LocalizedTextConverter())
        .Build();

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new LocalizedTextConverter())
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .DisableAliases()
        .Build();

    /// <summary>Parses and validates; throws <see cref="AssistantYamlException"/> listing every problem.</summary>
    public static AssistantDefinition Load(string yaml)
    {
        AssistantDefinition? definition;
        try
        {
            definition = Deserializer.Deserialize<AssistantDefinition>(yaml);
        }
        catch (YamlException e)
        {
            throw new AssistantYamlException([FromYamlException(e)]);
        }

        if (definition is null)
        {
            throw new AssistantYamlException([new AssistantYamlError(1, 1, "(document)", "the file is empty")]);
        }

        var problems = AssistantValidator.Validate(definition);
        if (problems.Count > 0)
        {
            var locator = new YamlLocator(yaml);
            throw new AssistantYamlException(problems.Select(p =>
            {
                var (line, column) = locator.Locate(p.Field);
                return new AssistantYamlError(line, column, p.Field, p.Message);
            }).ToList());
        }

        return definition;
    }

    public static AssistantDefinition LoadFile(string path) => Load(File.ReadAllText(path));

    public static string Save(AssistantDefinition definition) => Serializer.Serialize(definition);

    private static AssistantYamlError FromYamlException(YamlException e)
    {
        // YamlDotNet wraps the innermost problem; its message names the property or the value.
        var inner = e;
        while (inner.InnerException is YamlException deeper)
        {
            inner = deeper;
        }

        var message = inner.InnerException?.Message ?? inner.Message;
        var field = message.StartsWith("Property '", StringComparison.Ordinal)
            ? message.Split('\'')[1]
            : "(syntax)";
        return new AssistantYamlError(checked((int)inner.Start.Line), checked((int)inner.Start.Column), field, message);
    }
}
