using Conversations.Bots.Demo;
using Conversations.Bots.Tests.Support;
using Conversations.Bots.Yaml;

namespace Conversations.Bots.Tests.Yaml;

public sealed class AssistantYamlTests
{
    [Fact]
    public void Save_ThenLoad_KeepsEverything()
    {
        var original = AssistantYaml.Load(DemoAssistant.Yaml);

        var saved = AssistantYaml.Save(original);
        var reloaded = AssistantYaml.Load(saved);

        Assert.Equal(saved, AssistantYaml.Save(reloaded));
        Assert.Equal(original.Intents.Count, reloaded.Intents.Count);
        Assert.Equal(original.Intents[0].Phrases["fr"], reloaded.Intents[0].Phrases["fr"]);
        Assert.Equal(original.Steps.Select(s => s.Type), reloaded.Steps.Select(s => s.Type));
        Assert.Equal("es", reloaded.OnboardingRules[0].When.EqualTo);
        Assert.Equal(original.Knowledge[0].Body, reloaded.Knowledge[0].Body);
    }

    [Fact]
    public void Save_PlainText_StaysAPlainString()
    {
        var definition = AssistantYaml.Load(TestAssistants.FlowYaml);

        var saved = AssistantYaml.Save(definition);

        Assert.Contains("text: Le transfiero.", saved, StringComparison.Ordinal);
        Assert.Equal("Le transfiero.", AssistantYaml.Load(saved).Steps.Single(s => s.Id == "spanish").Text!.Resolve("en", "fr"));
    }

    [Fact]
    public void Load_UnknownField_GivesLineAndField()
    {
        const string yaml = "id: x\nlanguages: [en]\nsteps:\n  - id: a\n    type: message\n    txet: hello\n";

        var error = Assert.Single(Assert.Throws<AssistantYamlException>(() => AssistantYaml.Load(yaml)).Errors);

        Assert.Equal(6, error.Line);
        Assert.Equal("txet", error.Field);
    }

    [Fact]
    public void Load_BadReference_GivesTheLineOfTheField()
    {
        const string yaml = "id: x\nlanguages: [en]\nsteps:\n  - id: a\n    type: message\n    text: hi\n    next: nowhere\n";

        var error = Assert.Single(Assert.Throws<AssistantYamlException>(() => AssistantYaml.Load(yaml)).Errors);

        Assert.Equal("steps[0].next", error.Field);
        Assert.Equal(7, error.Line);
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblems_ListsThemAll()
    {
        const string yaml = """
            id: x
            languages: [en]
            steps:
              - id: q
                type: question
                text: Pick one
              - id: q
                type: teleport
              - id: b
                type: branch
                cases:
                  - { variable: v, matches: "([", goto: q }
            intents:
              - id: i
                phrases: { de: [hallo] }
                answer: hi
            """;

        var errors = Assert.Throws<AssistantYamlException>(() => AssistantYaml.Load(yaml)).Errors;

        var fields = errors.Select(e => e.Field).ToList();
        Assert.Contains("steps[0].variable", fields);
        Assert.Contains("steps[0].choices", fields);
        Assert.Contains("steps[1].id", fields);
        Assert.Contains("steps[1].type", fields);
        Assert.Contains("steps[2].cases[0].matches", fields);
        Assert.Contains("intents[0].phrases.de", fields);
        Assert.All(errors, e => Assert.True(e.Line > 0, e.ToString()));
    }

    [Fact]
    public void Load_SyntaxError_GivesTheLine()
    {
        const string yaml = "id: x\nlanguages: [en\nsteps: []\n";

        var error = Assert.Single(Assert.Throws<AssistantYamlException>(() => AssistantYaml.Load(yaml)).Errors);

        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void Load_LocalizedTextNotAString_SaysWhichLanguage()
    {
        const string yaml = "id: x\nlanguages: [en]\nsteps:\n  - id: a\n    type: message\n    text:\n      en: [not, text]\n";

        var error = Assert.Single(Assert.Throws<AssistantYamlException>(() => AssistantYaml.Load(yaml)).Errors);

        Assert.Equal(7, error.Line);
        Assert.Contains("'en'", error.Message, StringComparison.Ordinal);
    }
}
