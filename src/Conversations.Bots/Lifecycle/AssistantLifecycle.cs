using System.Text.Json.Serialization;

using Conversations.Bots.Definition;
using Conversations.Bots.Yaml;

namespace Conversations.Bots.Lifecycle;

/// <summary>An assistant's versions, after Zendesk's: editing changes only the draft; the published version
/// answers until the next publish; a publish is atomic (the whole draft, validated, becomes the next
/// version) and a rollback republishes the version before the current one. Plain data and rules: the
/// assistant grain persists it.</summary>
public sealed class AssistantLifecycle
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The draft definition as YAML (always valid: <see cref="UpdateDraft"/> refuses anything else).</summary>
    public string DraftYaml { get; set; } = string.Empty;

    /// <summary>Every published version, oldest first.</summary>
    public List<AssistantVersion> Versions { get; set; } = [];

    /// <summary>The number of the version that answers customers; none before the first publish.</summary>
    public int? CurrentVersion { get; set; }

    /// <summary>Sites and channels (<c>site:demo</c>, <c>channel:api-demo</c>) this assistant answers on.</summary>
    public List<string> Targets { get; set; } = [];

    [JsonIgnore]
    public AssistantStatus Status => CurrentVersion is null ? AssistantStatus.Draft : AssistantStatus.Active;

    [JsonIgnore]
    public AssistantVersion? Published => Versions.FirstOrDefault(v => v.Number == CurrentVersion);

    /// <summary>The languages of the draft (parsed on each read: stored state leaves it out).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Languages => DraftYaml.Length == 0 ? [] : AssistantYaml.Load(DraftYaml).Languages;

    /// <summary>A new assistant whose draft is <paramref name="yaml"/>.</summary>
    public static AssistantLifecycle Create(string yaml)
    {
        var definition = AssistantYaml.Load(yaml);
        return new AssistantLifecycle { Id = definition.Id, Name = Named(definition), DraftYaml = yaml };
    }

    /// <summary>Replaces the draft; the published version is untouched. Throws <see cref="AssistantYamlException"/>.</summary>
    public void UpdateDraft(string yaml)
    {
        var definition = AssistantYaml.Load(yaml);
        if (definition.Id != Id)
        {
            throw new AssistantYamlException([new AssistantYamlError(0, 0, "id", $"the draft of assistant '{Id}' cannot change its id to '{definition.Id}'")]);
        }

        DraftYaml = yaml;
        Name = Named(definition);
    }

    /// <summary>Publishes the draft as the next version.</summary>
    public AssistantVersion Publish(DateTimeOffset now, string? by)
    {
        AssistantYaml.Load(DraftYaml);
        var version = new AssistantVersion(NextNumber(), DraftYaml, now, by);
        Versions.Add(version);
        CurrentVersion = version.Number;
        return version;
    }

    /// <summary>Republishes the version before the current one; the draft is untouched.</summary>
    public AssistantVersion Rollback(DateTimeOffset now, string? by)
    {
        var current = Published ?? throw new InvalidOperationException("nothing is published yet");
        var previous = Versions.LastOrDefault(v => v.Number < current.Number && v.Yaml != current.Yaml)
            ?? throw new InvalidOperationException("there is no earlier version to roll back to");
        var version = new AssistantVersion(NextNumber(), previous.Yaml, now, by, RolledBackFrom: current.Number);
        Versions.Add(version);
        CurrentVersion = version.Number;
        return version;
    }

    private int NextNumber() => Versions.Count == 0 ? 1 : Versions.Max(v => v.Number) + 1;

    private static string Named(AssistantDefinition definition) =>
        string.IsNullOrWhiteSpace(definition.Name) ? definition.Id : definition.Name;
}
