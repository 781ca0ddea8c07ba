using System.Text.RegularExpressions;

using YamlDotNet.RepresentationModel;

namespace Conversations.Bots.Yaml;

/// <summary>Finds the line of a field path (<c>steps[3].next</c>) in the YAML text it came from, so that errors
/// found after parsing still point at a line.</summary>
internal sealed partial class YamlLocator
{
    private readonly YamlNode? _root;

    public YamlLocator(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            _root = stream.Documents.FirstOrDefault()?.RootNode;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            _root = null;
        }
    }

    /// <summary>The 1-based line and column of the deepest node of the path that exists.</summary>
    public (int Line, int Column) Locate(string path)
    {
        var node = _root;
        if (node is null)
        {
            return (0, 0);
        }

        var found = node;
        foreach (Match segment in Segment().Matches(path))
        {
            YamlNode? next = null;
            if (segment.Groups["key"].Success && node is YamlMappingNode mapping)
            {
                var key = segment.Groups["key"].Value;
                var entry = mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode scalar && scalar.Value == key);
                next = entry.Value;
                if (next is not null && next is YamlScalarNode)
                {
                    // Point at the key for scalars: that is the line a botmaster looks for.
                    found = entry.Key;
                }
            }
            else if (segment.Groups["index"].Success && node is YamlSequenceNode sequence)
            {
                var index = int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                next = index < sequence.Children.Count ? sequence.Children[index] : null;
            }

            if (next is null)
            {
                break;
            }

            node = next;
            if (next is not YamlScalarNode)
            {
                found = next;
            }
        }

        return (checked((int)found.Start.Line), checked((int)found.Start.Column));
    }

    [GeneratedRegex(@"(?<key>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
