using Conversations.Bots.Nlu;

using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Conversations.Bots.Yaml;

/// <summary>Reads an <see cref="EvaluationSet"/> file.</summary>
public static class EvaluationYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static EvaluationSet Load(string yaml) => Deserializer.Deserialize<EvaluationSet>(yaml) ?? new EvaluationSet();
}
