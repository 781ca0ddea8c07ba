using System.Collections.Concurrent;

using Conversations.Bots.Demo;
using Conversations.Bots.Lifecycle;
using Conversations.Bots.Runtime;

namespace Conversations.Server.Assistants;

/// <summary>The assistants this server knows, with their draft and published versions, and each published
/// version compiled once (matching indexes built per version, never per message). The demo assistant is
/// published on start. Held in memory until the Orleans AssistantGrain persists it.</summary>
public sealed class AssistantCatalog
{
    private readonly ConcurrentDictionary<string, AssistantLifecycle> _assistants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Id, int Version), Lazy<CompiledAssistant>> _compiled = new();
    private readonly Lock _writeLock = new();
    private readonly TimeProvider _clock;

    public AssistantCatalog(TimeProvider clock)
    {
        _clock = clock;
        var demo = AssistantLifecycle.Create(DemoAssistant.Yaml);
        demo.Publish(clock.GetUtcNow(), "seed");
        _assistants[demo.Id] = demo;

        // Compiled in the background (the Lazy makes it once), so the first customer does not wait for it.
        _ = Task.Run(() => Published(demo.Id));
    }

    public IReadOnlyList<AssistantLifecycle> All => _assistants.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

    public AssistantLifecycle? Find(string id) => _assistants.GetValueOrDefault(id);

    /// <summary>The published version of an assistant, compiled; null when it has none.</summary>
    public CompiledAssistant? Published(string id)
    {
        if (Find(id)?.Published is not { } version)
        {
            return null;
        }

        return _compiled.GetOrAdd((id, version.Number), _ => new Lazy<CompiledAssistant>(() => CompiledAssistant.FromYaml(version.Yaml))).Value;
    }

    /// <summary>The draft compiled, for previews.</summary>
    public static CompiledAssistant Draft(AssistantLifecycle assistant) => CompiledAssistant.FromYaml(assistant.DraftYaml);

    /// <summary>Imports a definition: a new assistant, or a new draft of an existing one.</summary>
    public AssistantLifecycle Import(string yaml)
    {
        lock (_writeLock)
        {
            var created = AssistantLifecycle.Create(yaml);
            if (_assistants.TryGetValue(created.Id, out var existing))
            {
                existing.UpdateDraft(yaml);
                return existing;
            }

            _assistants[created.Id] = created;
            return created;
        }
    }

    public AssistantVersion Publish(AssistantLifecycle assistant, string? by)
    {
        lock (_writeLock)
        {
            return assistant.Publish(_clock.GetUtcNow(), by);
        }
    }

    public AssistantVersion Rollback(AssistantLifecycle assistant, string? by)
    {
        lock (_writeLock)
        {
            return assistant.Rollback(_clock.GetUtcNow(), by);
        }
    }
}
