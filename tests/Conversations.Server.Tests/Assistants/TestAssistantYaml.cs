namespace Conversations.Server.Tests.Assistants;

/// <summary>An assistant for the server's assistant tests: a welcome (told apart by its text), a language
/// question whose answer <c>es</c> triggers onboarding rules (a team, a tag, a high priority), and a menu the
/// assistant resumes at when a conversation comes back to it.</summary>
public static class TestAssistantYaml
{
    public const string Question = "Which language?";
    public const string Menu = "Menu: what can I do for you?";

    public static string Of(string id, string welcome, string team = "nobody") => $$"""
        id: {{id}}
        name: Test {{id}}
        languages: [en]
        defaultLanguage: en
        start: welcome
        resumeAt: menu
        onboardingRules:
          - when: { variable: langue, equals: es }
            assignTeam: {{team}}
            tag: espagnol
            priority: high
        steps:
          - id: welcome
            type: message
            text: "{{welcome}}"
            next: ask-language
          - id: ask-language
            type: question
            text: "{{Question}}"
            variable: langue
            choices:
              - { id: en, label: "English", value: en }
              - { id: es, label: "Español", value: es }
            next: menu
          - id: menu
            type: message
            text: "{{Menu}}"
        """;
}
