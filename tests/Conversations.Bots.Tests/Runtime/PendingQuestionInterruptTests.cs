using Conversations.Bots.Runtime;
using Conversations.Bots.Tests.Support;

namespace Conversations.Bots.Tests.Runtime;

/// <summary>An intent the matcher is sure of wins over a pending question: the customer who asks for a human
/// in the middle of onboarding is handed over, an FAQ is answered and the question asked again.</summary>
public sealed class PendingQuestionInterruptTests
{
    [Theory]
    [InlineData("en", "I want to talk to an agent")]
    [InlineData("en", "can I speak to someone please")]
    [InlineData("fr", "je veux parler à un conseiller")]
    [InlineData("fr", "un humain svp")]
    public void Say_HandoffDuringOnboardingQuestion_TransfersToAHuman(string locale, string text)
    {
        var start = AssistantInterpreter.Respond(TestAssistants.Demo, null, BotInput.Start(locale));
        Assert.Equal("ask-language", start.State.AwaitingStep);

        var reply = AssistantInterpreter.Respond(TestAssistants.Demo, start.State, BotInput.Say(text));

        Assert.Equal("talk-to-human", reply.Match!.IntentId);
        Assert.NotNull(reply.Transfer);
        Assert.Contains("demande-conseiller", reply.Tags);
        Assert.Single(reply.Notes);
        Assert.Null(reply.State.AwaitingStep);
        Assert.True(reply.State.HandedOff);
        Assert.False(reply.VariablesSet.ContainsKey("langue"));
    }

    [Fact]
    public void Say_FaqDuringOnboardingQuestion_AnswersThenAsksTheQuestionAgain()
    {
        var start = AssistantInterpreter.Respond(TestAssistants.Demo, null, BotInput.Start("en"));

        var reply = AssistantInterpreter.Respond(TestAssistants.Demo, start.State, BotInput.Say("do you accept paypal?"));

        Assert.Equal("payment-methods", reply.Match!.IntentId);
        Assert.Contains("PayPal", reply.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Which language would you like to use?", reply.Messages[^1].Text);
        Assert.Equal(["fr", "en", "es"], reply.Messages[^1].Options!.Select(o => o.Id));
        Assert.Equal("ask-language", reply.State.AwaitingStep);
        Assert.True(reply.Understood);
        Assert.Null(reply.Transfer);

        var answered = AssistantInterpreter.Respond(TestAssistants.Demo, reply.State, BotInput.Choose("en"));
        Assert.Equal("en", answered.VariablesSet["langue"]);
        Assert.Null(answered.State.AwaitingStep);
    }

    [Fact]
    public void Say_IntentDuringQuestion_AnswersThenReasksInTheQuestionsOwnWords()
    {
        var start = AssistantInterpreter.Respond(TestAssistants.Flows, null, BotInput.Start("fr"));

        var reply = AssistantInterpreter.Respond(TestAssistants.Flows, start.State, BotInput.Say("où est mon colis"));

        Assert.Equal(["Votre colis arrive.", "Quelle langue ?"], reply.Messages.Select(m => m.Text));
        Assert.Equal(3, reply.Messages[1].Options!.Count);
        Assert.Equal("ask-language", reply.State.AwaitingStep);
        Assert.Equal(0, reply.State.Misunderstandings);
    }

    [Fact]
    public void Say_IntentDuringStrictInput_AnswersThenAsksTheInputAgain()
    {
        var menu = AssistantInterpreter.Respond(TestAssistants.Flows, AssistantInterpreter.Respond(TestAssistants.Flows, null, BotInput.Start("fr")).State, BotInput.Choose("fr"));
        var asked = AssistantInterpreter.Respond(TestAssistants.Flows, menu.State, BotInput.Choose("mail"));

        var reply = AssistantInterpreter.Respond(TestAssistants.Flows, asked.State, BotInput.Say("où est mon colis"));

        Assert.Equal(["Votre colis arrive.", "Votre e-mail ?"], reply.Messages.Select(m => m.Text));
        Assert.Equal("ask-email", reply.State.AwaitingStep);
        Assert.Empty(reply.VariablesSet);
    }

    [Fact]
    public void Say_ValidStrictInput_IsTheAnswerEvenWhenItLooksLikeAnIntent()
    {
        var menu = AssistantInterpreter.Respond(TestAssistants.Flows, AssistantInterpreter.Respond(TestAssistants.Flows, null, BotInput.Start("fr")).State, BotInput.Choose("fr"));
        var asked = AssistantInterpreter.Respond(TestAssistants.Flows, menu.State, BotInput.Choose("mail"));

        var reply = AssistantInterpreter.Respond(TestAssistants.Flows, asked.State, BotInput.Say("colis@example.org"));

        Assert.Equal("colis@example.org", reply.VariablesSet["email"]);
    }

    [Fact]
    public void Say_ChoiceNamedInASentence_CountsAsTheChoice()
    {
        var start = AssistantInterpreter.Respond(TestAssistants.Demo, null, BotInput.Start("fr"));

        var reply = AssistantInterpreter.Respond(TestAssistants.Demo, start.State, BotInput.Say("I'd rather speak English"));

        Assert.Equal("en", reply.VariablesSet["langue"]);
        Assert.Null(reply.Transfer);
        Assert.Equal("en", reply.State.Language);
    }

    [Fact]
    public void Say_WeakMatchDuringQuestion_AsksAgainInsteadOfAnswering()
    {
        var start = AssistantInterpreter.Respond(TestAssistants.Demo, null, BotInput.Start("en"));

        var reply = AssistantInterpreter.Respond(TestAssistants.Demo, start.State, BotInput.Say("hmm not sure"));

        Assert.False(reply.Understood);
        Assert.Equal("ask-language", reply.State.AwaitingStep);
        Assert.Null(reply.Transfer);
        Assert.Equal(1, reply.State.Misunderstandings);
    }
}
