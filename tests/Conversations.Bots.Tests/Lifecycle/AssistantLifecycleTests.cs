using Conversations.Bots.Lifecycle;
using Conversations.Bots.Yaml;

namespace Conversations.Bots.Tests.Lifecycle;

public sealed class AssistantLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static string Yaml(string answer) =>
        $"id: shop\nname: Shop\nlanguages: [en]\nintents:\n  - id: hi\n    phrases: {{ en: [hello there] }}\n    answer: \"{answer}\"\n";

    [Fact]
    public void Create_NewAssistant_IsDraftWithNothingPublished()
    {
        var assistant = AssistantLifecycle.Create(Yaml("v1"));

        Assert.Equal(AssistantStatus.Draft, assistant.Status);
        Assert.Null(assistant.Published);
        Assert.Equal(["en"], assistant.Languages);
        Assert.Equal("Shop", assistant.Name);
    }

    [Fact]
    public void UpdateDraft_AfterPublish_LeavesThePublishedVersionAnswering()
    {
        var assistant = AssistantLifecycle.Create(Yaml("v1"));
        assistant.Publish(Now, "admin");

        assistant.UpdateDraft(Yaml("v2"));

        Assert.Contains("v1", assistant.Published!.Yaml, StringComparison.Ordinal);
        Assert.Contains("v2", assistant.DraftYaml, StringComparison.Ordinal);
        Assert.Equal(AssistantStatus.Active, assistant.Status);
    }

    [Fact]
    public void Publish_Twice_NumbersVersionsAndRollbackRestoresThePrevious()
    {
        var assistant = AssistantLifecycle.Create(Yaml("v1"));
        assistant.Publish(Now, "admin");
        assistant.UpdateDraft(Yaml("v2"));
        var second = assistant.Publish(Now.AddHours(1), "admin");

        var rolledBack = assistant.Rollback(Now.AddHours(2), "admin");

        Assert.Equal(2, second.Number);
        Assert.Equal(3, rolledBack.Number);
        Assert.Equal(2, rolledBack.RolledBackFrom);
        Assert.Contains("v1", assistant.Published!.Yaml, StringComparison.Ordinal);
        Assert.Contains("v2", assistant.DraftYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateDraft_InvalidYaml_KeepsTheOldDraft()
    {
        var assistant = AssistantLifecycle.Create(Yaml("v1"));

        Assert.Throws<AssistantYamlException>(() => assistant.UpdateDraft("id: shop\nlanguages: []\n"));

        Assert.Contains("v1", assistant.DraftYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateDraft_OtherId_IsRefused()
    {
        var assistant = AssistantLifecycle.Create(Yaml("v1"));

        var error = Assert.Single(Assert.Throws<AssistantYamlException>(() => assistant.UpdateDraft(Yaml("v2").Replace("id: shop", "id: other", StringComparison.Ordinal))).Errors);

        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void Rollback_OnlyOneVersion_IsRefused()
    {
        var assistant = AssistantLifecycle.Create(Yaml("v1"));
        assistant.Publish(Now, null);

        Assert.Throws<InvalidOperationException>(() => assistant.Rollback(Now, null));
    }
}
