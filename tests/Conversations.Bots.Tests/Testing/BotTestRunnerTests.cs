using Conversations.Bots.Demo;
using Conversations.Bots.Testing;
using Conversations.Bots.Tests.Support;
using Conversations.Bots.Yaml;

namespace Conversations.Bots.Tests.Testing;

public sealed class BotTestRunnerTests
{
    [Fact]
    public void Run_DemoBotmasterTests_AllPass()
    {
        var results = BotTestRunner.Run(TestAssistants.Demo, BotTestYaml.Load(DemoAssistant.TestsYaml));

        Assert.True(results.Count >= 10);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Name}: {string.Join("; ", r.Failures)}"));
    }

    [Fact]
    public void Run_WrongExpectations_FailWithTheTurnAndWhatHappened()
    {
        const string yaml = """
            dialogues:
              - name: wrong
                locale: en
                turns:
                  - say: i forgot my password
                    expect: { intent: refund, reply: "no such text", transfer: true, variables: { x: "1" }, tag: t, team: sales, language: fr }
            """;

        var result = Assert.Single(BotTestRunner.Run(TestAssistants.Demo, BotTestYaml.Load(yaml)));

        Assert.False(result.Passed);
        Assert.Equal(7, result.Failures.Count);
        Assert.StartsWith("turn 1 \"i forgot my password\": expected intent refund, got password-reset", result.Failures[0], StringComparison.Ordinal);
    }
}
