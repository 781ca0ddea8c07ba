using Conversations.Bots.Runtime;
using Conversations.Bots.Tests.Support;

namespace Conversations.Bots.Tests.Runtime;

public sealed class AssistantInterpreterTests
{
    private static readonly CompiledAssistant Flows = TestAssistants.Flows;

    private static BotReply Respond(BotState? state, BotInput input) => AssistantInterpreter.Respond(Flows, state, input);

    [Fact]
    public void Start_WithLocale_RunsOnboardingUntilTheQuestion()
    {
        var reply = Respond(null, BotInput.Start("en-GB", new Dictionary<string, string> { ["name"] = "Camille" }));

        Assert.Equal(["Hello Camille!", "Which language?"], reply.Messages.Select(m => m.Text));
        Assert.Equal("https://example.test/logo.png", reply.Messages[0].ImageUrl);
        Assert.Equal(["fr", "en", "es"], reply.Messages[1].Options!.Select(o => o.Id));
        Assert.Equal("ask-language", reply.State.AwaitingStep);
        Assert.Equal("en", reply.State.Language);
    }

    [Fact]
    public void Start_WithoutName_UsesTheTemplateDefault()
    {
        var reply = Respond(null, BotInput.Start());

        Assert.Equal("Bonjour à vous !", reply.Messages[0].Text);
        Assert.Equal("fr", reply.State.Language);
    }

    [Fact]
    public void Choose_QuestionChoice_StoresVariableSwitchesLanguageAndGoesOn()
    {
        var start = Respond(null, BotInput.Start("fr"));

        var reply = Respond(start.State, BotInput.Choose("en"));

        Assert.Equal("en", reply.VariablesSet["langue"]);
        Assert.Equal("en", reply.State.Language);
        Assert.Equal("What do you want?", reply.Messages.Single().Text);
        Assert.Null(reply.State.AwaitingStep);
    }

    [Fact]
    public void Say_ChoiceLabelTyped_CountsAsTheChoice()
    {
        var start = Respond(null, BotInput.Start("fr"));

        var reply = Respond(start.State, BotInput.Say("francais"));

        Assert.Equal("fr", reply.State.Variables["langue"]);
    }

    [Fact]
    public void Choose_SpanishChoice_AppliesOnboardingRulesAndTransfersToTheTeam()
    {
        var start = Respond(null, BotInput.Start("fr"));

        var reply = Respond(start.State, BotInput.Choose("es"));

        Assert.Equal("spanish", reply.Team);
        Assert.Equal("high", reply.Priority);
        Assert.Contains("espagnol", reply.Tags);
        Assert.Equal("yes", reply.State.Variables["routed"]);
        Assert.Equal(new TransferRequest("spanish", null, "step:spanish"), reply.Transfer);
        Assert.True(reply.State.HandedOff);
        Assert.Equal("Le transfiero.", reply.Messages.Single().Text);
    }

    [Fact]
    public void Say_UnansweredQuestion_ReasksWithTheChoices()
    {
        var start = Respond(null, BotInput.Start("fr"));

        var reply = Respond(start.State, BotInput.Say("blabla"));

        Assert.False(reply.Understood);
        Assert.Equal("Quelle langue ?", reply.Messages.Single().Text);
        Assert.Equal(3, reply.Messages.Single().Options!.Count);
        Assert.Equal("ask-language", reply.State.AwaitingStep);
    }

    [Fact]
    public void Choose_QuickReplyWithIntent_AnswersTheIntent()
    {
        var menu = Respond(Respond(null, BotInput.Start("fr")).State, BotInput.Choose("fr"));

        var reply = Respond(menu.State, BotInput.Choose("track"));

        Assert.Equal("Votre colis arrive.", reply.Messages.Single().Text);
    }

    [Fact]
    public void Say_InvalidEmail_ReasksAndKeepsWaiting()
    {
        var asked = AskEmail();

        var reply = Respond(asked.State, BotInput.Say("pas un mail"));

        Assert.Equal("E-mail invalide.", reply.Messages.Single().Text);
        Assert.Equal("ask-email", reply.State.AwaitingStep);
        Assert.False(reply.Understood);
        Assert.Empty(reply.VariablesSet);
    }

    [Fact]
    public void Say_ValidEmailMatchingRegexBranch_SetsNotesArticleAndTransfersToTheAgent()
    {
        var asked = AskEmail();

        var reply = Respond(asked.State, BotInput.Say("anne@vip.test"));

        Assert.Equal("anne@vip.test", reply.VariablesSet["email"]);
        Assert.Equal("vip:anne@vip.test", reply.VariablesSet["level"]);
        Assert.Equal(["E-mail anne@vip.test, niveau vip:anne@vip.test"], reply.Notes);
        Assert.NotNull(reply.Messages[0].Article);
        Assert.Equal("Un conseiller arrive.", reply.Messages[1].Text);
        Assert.Equal("agent-7", reply.Transfer!.AgentId);
    }

    [Fact]
    public void Say_ValidEmailMatchingContainsBranch_Tags()
    {
        var reply = Respond(AskEmail().State, BotInput.Say("bob@example.org"));

        Assert.Equal(["example-domain"], reply.Tags);
        Assert.Equal(["E-mail bob@example.org, niveau standard"], reply.Notes);
    }

    [Fact]
    public void Say_ValidEmailNoCaseHolds_GoesToElseAndEnds()
    {
        var reply = Respond(AskEmail().State, BotInput.Say("carl@other.fr"));

        Assert.Null(reply.Transfer);
        Assert.Empty(reply.Messages);
        Assert.Null(reply.State.AwaitingStep);
    }

    [Fact]
    public void Say_KnownQuestion_AnswersWithArticle()
    {
        var reply = Respond(new BotState { Language = "fr" }, BotInput.Say("je voudrais télécharger ma facture"));

        Assert.Equal("invoice", reply.Match!.IntentId);
        Assert.Equal("La facture est dans votre compte.", reply.Messages[0].Text);
        Assert.Equal("help", reply.Messages[1].Article!.Id);
        Assert.True(reply.Understood);
    }

    [Fact]
    public void Say_SynonymOfTrainingWord_Matches()
    {
        var reply = Respond(new BotState { Language = "fr" }, BotInput.Say("mon paquet n'est pas arrivé"));

        Assert.Equal("parcel", reply.Match!.IntentId);
    }

    [Fact]
    public void Say_OtherLanguage_SwitchesTheConversationLanguage()
    {
        var reply = Respond(new BotState { Language = "fr" }, BotInput.Say("where is my parcel please"));

        Assert.Equal("en", reply.State.Language);
        Assert.Equal("Your parcel is coming.", reply.Messages.Single().Text);
    }

    [Fact]
    public void Say_TwoMisunderstandings_OffersAHumanThenTransfersOnAccept()
    {
        var first = Respond(new BotState { Language = "fr" }, BotInput.Say("quel temps fait-il à Rome"));
        Assert.Equal("Je n'ai pas compris.", first.Messages.Single().Text);
        Assert.Equal(1, first.State.Misunderstandings);

        var second = Respond(first.State, BotInput.Say("chante une chanson"));
        Assert.Equal("Voulez-vous un conseiller ?", second.Messages.Single().Text);
        Assert.Equal(["human", "continue"], second.Messages.Single().Options!.Select(o => o.Id));

        var accepted = Respond(second.State, BotInput.Choose("human"));
        Assert.NotNull(accepted.Transfer);
        Assert.Null(accepted.Transfer!.TeamId);
    }

    [Fact]
    public void Say_UnderstoodAfterMisunderstanding_ResetsTheCount()
    {
        var first = Respond(new BotState { Language = "fr" }, BotInput.Say("quel temps fait-il à Rome"));

        var second = Respond(first.State, BotInput.Say("où est mon colis"));

        Assert.Equal(0, second.State.Misunderstandings);
    }

    [Fact]
    public void Say_CloseToTwoIntents_SuggestsThemAsDidYouMean()
    {
        var reply = Respond(new BotState { Language = "fr" }, BotInput.Say("facture colis voisine jardin"));

        Assert.False(reply.Understood);
        Assert.Equal("Vouliez-vous dire :", reply.Messages.Single().Text);
        var options = reply.Messages.Single().Options!;
        Assert.InRange(options.Count, 1, 2);
        Assert.All(options, o => Assert.StartsWith("intent:", o.Id, StringComparison.Ordinal));

        var chosen = Respond(reply.State, BotInput.Choose(options[0].Id));
        Assert.True(chosen.Messages.Count > 0);
    }

    [Fact]
    public void Resume_AfterHandoff_ResumesAtTheChosenStep()
    {
        var handedOff = new BotState { Language = "en", HandedOff = true };

        var reply = Respond(handedOff, BotInput.Resume());

        Assert.Equal("Welcome back!", reply.Messages.Single().Text);
        Assert.False(reply.State.HandedOff);
    }

    [Fact]
    public void Say_FlowThatLoops_StopsInsteadOfHanging()
    {
        var reply = Respond(new BotState { Language = "en" }, BotInput.Say("start the endless loop"));

        Assert.Equal("loop", reply.Match!.IntentId);
        Assert.Contains(reply.State.Variables["x"], new[] { "a", "b" });
    }

    [Fact]
    public void Choose_StaleOption_IsReadAsText()
    {
        var reply = Respond(new BotState { Language = "fr" }, BotInput.Choose("does-not-exist"));

        Assert.False(reply.Understood);
    }

    private static BotReply AskEmail()
    {
        var menu = Respond(Respond(null, BotInput.Start("fr")).State, BotInput.Choose("fr"));
        var asked = Respond(menu.State, BotInput.Choose("mail"));
        Assert.Equal("Votre e-mail ?", asked.Messages.Single().Text);
        return asked;
    }
}
