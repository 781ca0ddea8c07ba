using System.Collections.Concurrent;

using Conversations.Bots.Runtime;
using Conversations.Bots.Yaml;
using Conversations.Contracts;

namespace Conversations.Server.Assistants;

/// <summary>The edge's door to the assistants, whose definitions live in <see cref="IAssistantGrain"/>s (listed
/// by each workspace's <see cref="IAssistantDirectoryGrain"/>), and this silo's cache of their published
/// versions, compiled once per version (matching indexes built per version, never per message): a turn asks
/// the grain which version answers, a number, and compiles only a number it has not seen.</summary>
public sealed class AssistantCatalog(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, (int Number, Lazy<Task<CompiledAssistant>> Compiled)> _compiled = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<AssistantView>> ListAsync(string workspaceId)
    {
        var ids = await grains.GetGrain<IAssistantDirectoryGrain>(workspaceId).ListAsync();
        var views = await Task.WhenAll(ids.Select(id => FindAsync(workspaceId, id)));
        return [.. views.OfType<AssistantView>().OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    public Task<AssistantView?> FindAsync(string workspaceId, string id) => Grain(workspaceId, id).GetAsync();

    /// <summary>Imports a definition: a new assistant, or a new draft of an existing one (the published version
    /// keeps answering). Throws <see cref="AssistantYamlException"/> with the line and field of each problem.</summary>
    public Task<AssistantView> ImportAsync(string workspaceId, string yaml)
    {
        var definition = AssistantYaml.Load(yaml);
        if (definition.Id == AssistantKeys.DefaultResponse)
        {
            throw new AssistantYamlException([new AssistantYamlError(0, 0, "id", $"'{AssistantKeys.DefaultResponse}' is reserved for the default response")]);
        }

        return Grain(workspaceId, definition.Id).SaveDraftAsync(yaml);
    }

    public Task<AssistantPublication> PublishAsync(string workspaceId, string id, string? by) => Grain(workspaceId, id).PublishAsync(by);

    public Task<AssistantPublication> RollbackAsync(string workspaceId, string id, string? by) => Grain(workspaceId, id).RollbackAsync(by);

    /// <summary>The version of an assistant that answers customers, compiled; null when none is published (the
    /// default response id included).</summary>
    public async Task<CompiledAssistant?> PublishedAsync(string workspaceId, string id)
    {
        if (id == AssistantKeys.DefaultResponse)
        {
            return null;
        }

        var key = AssistantKeys.Of(workspaceId, id);
        var grain = grains.GetGrain<IAssistantGrain>(key);
        if (await grain.GetPublishedNumberAsync() is not { } number)
        {
            return null;
        }

        // One compilation per version, shared by the turns that arrive while it runs; only the latest version
        // of each assistant stays in memory.
        var entry = _compiled.AddOrUpdate(
            key,
            _ => Compile(grain, number),
            (_, existing) => existing.Number == number && !(existing.Compiled.IsValueCreated && existing.Compiled.Value.IsFaulted) ? existing : Compile(grain, number));
        return await entry.Compiled.Value;
    }

    /// <summary>The draft compiled, for previews (never for customers).</summary>
    public static CompiledAssistant Draft(AssistantView assistant) => CompiledAssistant.FromYaml(assistant.DraftYaml);

    private IAssistantGrain Grain(string workspaceId, string id) => grains.GetGrain<IAssistantGrain>(AssistantKeys.Of(workspaceId, id));

    // Lazy: when two turns race to add a version, only the stored entry ever compiles.
    private static (int, Lazy<Task<CompiledAssistant>>) Compile(IAssistantGrain grain, int number) => (number, new Lazy<Task<CompiledAssistant>>(() => Task.Run(async () =>
    {
        var version = await grain.GetVersionAsync(number)
            ?? throw new InvalidOperationException($"Version {number} of assistant '{grain.GetPrimaryKeyString()}' is not stored.");
        return CompiledAssistant.FromYaml(version.Yaml);
    })));
}
