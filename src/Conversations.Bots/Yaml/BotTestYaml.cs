using Conversations.Bots.Testing;

using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Conversations.Bots.Yaml;

/// <summary>Reads a botmaster test file; errors carry the line and the field.</summary>
public static class BotTestYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static BotTestFile Load(string yaml)
    {
        try
        {
            var file = Deserializer.Deserialize<BotTestFile>(yaml) ?? new BotTestFile();
            var errors = new List<AssistantYamlError>();
            var locator = new YamlLocator(yaml);
            for (var d = 0; d < file.Dialogues.Count; d++)
            {
                for (var t = 0; t < file.Dialogues[d].Turns.Count; t++)
                {
                    var turn = file.Dialogues[d].Turns[t];
                    var given = (turn.Say is null ? 0 : 1) + (turn.Choose is null ? 0 : 1) + (turn.Resume ? 1 : 0);
                    if (given != 1)
                    {
                        var field = $"dialogues[{d}].turns[{t}]";
                        var (line, column) = locator.Locate(field);
                        errors.Add(new AssistantYamlError(line, column, field, "a turn needs exactly one of say, choose or resume"));
                    }
                }
            }

            return errors.Count > 0 ? throw new AssistantYamlException(errors) : file;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            throw new AssistantYamlException([new AssistantYamlError(checked((int)e.Start.Line), checked((int)e.Start.Column), "(test file)", message)]);
        }
    }
}
