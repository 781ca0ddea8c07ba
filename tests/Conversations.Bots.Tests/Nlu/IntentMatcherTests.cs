using Conversations.Bots.Nlu;

namespace Conversations.Bots.Tests.Nlu;

public sealed class IntentMatcherTests
{
    private static readonly IntentMatcher Matcher = new(
    [
        new IntentExamples("refund", "en", ["when will I get my refund", "I want my money back", "refund status"]),
        new IntentExamples("refund", "fr", ["quand serai-je remboursé", "je veux être remboursé", "délai de remboursement"]),
        new IntentExamples("hours", "en", ["what are your opening hours", "when are you open"]),
        new IntentExamples("hours", "fr", ["quels sont vos horaires", "êtes-vous ouverts le dimanche"]),
        new IntentExamples("password", "en", ["I forgot my password", "reset my password"]),
        new IntentExamples("password", "fr", ["j'ai oublié mon mot de passe", "réinitialiser le mot de passe"]),
    ]);

    [Theory]
    [InlineData("refnd status please", "refund")]
    [InlineData("quand est-ce que je serai rembourse", "refund")]
    [InlineData("vos horraires svp", "hours")]
    [InlineData("forgot my pasword", "password")]
    [InlineData("MOT DE PASSE OUBLIE", "password")]
    public void Match_TyposAndMissingAccents_FindTheIntent(string text, string intent)
    {
        Assert.Equal(intent, Matcher.Match(text).IntentId);
    }

    [Theory]
    [InlineData("what is the capital of Peru")]
    [InlineData("raconte-moi une histoire de pirates")]
    [InlineData("")]
    public void Match_OutOfScope_IsRejected(string text)
    {
        var match = Matcher.Match(text);

        Assert.False(match.IsMatch);
        Assert.True(match.Confidence < Matcher.Options.Threshold);
    }

    [Theory]
    [InlineData("je veux être remboursé de ma commande", "fr")]
    [InlineData("I want to be refunded for my order", "en")]
    public void Match_Message_DetectsItsLanguage(string text, string language)
    {
        Assert.Equal(language, Matcher.Match(text, preferredLanguage: language == "fr" ? "en" : "fr").Language);
    }

    [Fact]
    public void Match_Preview_GivesConfidenceAndRunnersUp()
    {
        var match = Matcher.Match("reset my password");

        Assert.Equal("password", match.IntentId);
        Assert.InRange(match.Confidence, Matcher.Options.Threshold, 1f);
        Assert.Equal("password", match.Candidates[0].Label);
        Assert.Equal(match.Candidates.OrderByDescending(c => c.Score), match.Candidates);
    }
}
