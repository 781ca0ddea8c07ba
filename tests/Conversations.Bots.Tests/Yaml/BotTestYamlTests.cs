using Conversations.Bots.Yaml;

namespace Conversations.Bots.Tests.Yaml;

public sealed class BotTestYamlTests
{
    [Fact]
    public void Load_TurnWithTwoActions_GivesLineAndField()
    {
        const string yaml = "dialogues:\n  - name: x\n    turns:\n      - say: hi\n        choose: a\n";

        var error = Assert.Single(Assert.Throws<AssistantYamlException>(() => BotTestYaml.Load(yaml)).Errors);

        Assert.Equal("dialogues[0].turns[0]", error.Field);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Load_UnknownExpectation_GivesTheLine()
    {
        const string yaml = "dialogues:\n  - name: x\n    turns:\n      - say: hi\n        expect: { intnet: a }\n";

        var error = Assert.Single(Assert.Throws<AssistantYamlException>(() => BotTestYaml.Load(yaml)).Errors);

        Assert.Equal(5, error.Line);
        Assert.Contains("intnet", error.Message, StringComparison.Ordinal);
    }
}
