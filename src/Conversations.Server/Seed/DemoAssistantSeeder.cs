using Conversations.Bots.Demo;
using Conversations.Contracts;
using Conversations.Server.Assistants;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Seed;

/// <summary>Publishes the demo assistant (CONTRACT.md's demo seed) when the demo workspace has none, then
/// compiles the published version in the background, so that the first customer does not wait for it.
/// Registered after <see cref="DemoSeeder"/>, whose workspace it needs. An assistant already there is left
/// alone: an admin's drafts and publishes stay. The demo seed has no teams: the assistant's rule for Spanish
/// speakers acts once an admin creates the team <c>spanish</c> (until then a note tells agents).</summary>
public sealed partial class DemoAssistantSeeder(
    AssistantCatalog catalog,
    IGrainFactory grains,
    IOptions<DemoSeedOptions> options,
    ILogger<DemoAssistantSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(DemoSeed.WorkspaceId).GetAsync();
        if (!options.Value.Demo || !workspace.Initialized)
        {
            return;
        }

        var assistant = await catalog.FindAsync(DemoSeed.WorkspaceId, DemoSeed.AssistantId);
        if (assistant is null)
        {
            assistant = await catalog.ImportAsync(DemoSeed.WorkspaceId, DemoAssistant.Yaml);
        }

        if (!assistant.Active)
        {
            await catalog.PublishAsync(DemoSeed.WorkspaceId, DemoSeed.AssistantId, "seed");
            LogPublished(DemoSeed.AssistantId);
        }

        _ = WarmAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync()
    {
        try
        {
            await catalog.PublishedAsync(DemoSeed.WorkspaceId, DemoSeed.AssistantId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The first turn compiles it instead; nothing is lost but that customer's wait.
            LogWarmFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published the demo assistant {AssistantId}")]
    private partial void LogPublished(string assistantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compiling the demo assistant ahead of its first conversation failed")]
    private partial void LogWarmFailed(Exception exception);
}
