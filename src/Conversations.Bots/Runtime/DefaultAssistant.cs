using Conversations.Bots.Definition;

namespace Conversations.Bots.Runtime;

/// <summary>The default response of a site or channel with no published assistant: a greeting, then the queue.
/// Built as an ordinary definition so the same interpreter runs it.</summary>
public static class DefaultAssistant
{
    public static CompiledAssistant Instance { get; } = new(Build());

    private static AssistantDefinition Build() => new()
    {
        Id = "default",
        Name = "Default response",
        Languages = ["en", "fr"],
        Start = "greeting",
        ResumeAt = "greeting",
        Steps =
        [
            new StepDefinition
            {
                Id = "greeting",
                Type = StepTypes.Message,
                Text = new LocalizedText([
                    new("en", "Hello! An agent will be with you shortly."),
                    new("fr", "Bonjour ! Un conseiller va vous répondre dans un instant."),
                ]),
                Next = "queue",
            },
            new StepDefinition { Id = "queue", Type = StepTypes.Transfer },
        ],
        Fallback = new FallbackDefinition { Limit = 1 },
    };
}
