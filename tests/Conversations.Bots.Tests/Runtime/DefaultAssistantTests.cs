using Conversations.Bots.Runtime;

namespace Conversations.Bots.Tests.Runtime;

public sealed class DefaultAssistantTests
{
    [Fact]
    public void Start_NoPublishedAssistant_GreetsThenQueues()
    {
        var reply = AssistantInterpreter.Respond(DefaultAssistant.Instance, null, BotInput.Start("fr-FR"));

        Assert.Equal("Bonjour ! Un conseiller va vous répondre dans un instant.", reply.Messages.Single().Text);
        Assert.NotNull(reply.Transfer);
        Assert.Null(reply.Transfer!.TeamId);
    }
}
