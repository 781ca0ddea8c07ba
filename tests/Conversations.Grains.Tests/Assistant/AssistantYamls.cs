namespace Conversations.Grains.Tests.Assistant;

/// <summary>Small valid assistant definitions, told apart by their welcome text.</summary>
public static class AssistantYamls
{
    public static string Of(string id, string welcome) => $"""
        id: {id}
        name: Shop {id}
        languages: [en, fr]
        defaultLanguage: en
        start: welcome
        steps:
          - id: welcome
            type: message
            text: "{welcome}"
        """;
}
