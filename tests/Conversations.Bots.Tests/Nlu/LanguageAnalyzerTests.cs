using Conversations.Bots.Nlu;

namespace Conversations.Bots.Tests.Nlu;

public sealed class LanguageAnalyzerTests
{
    [Fact]
    public void Analyze_French_DropsStopWordsAndStems()
    {
        var analyzer = new LanguageAnalyzer("fr-FR");

        var terms = analyzer.Analyze("Je voudrais être remboursée de mes commandes");

        Assert.Equal(["rembours", "command"], terms);
        Assert.Equal(analyzer.Analyze("remboursement commande"), terms);
    }

    [Fact]
    public void Analyze_EnglishSmsStyle_ExpandsAbbreviations()
    {
        var analyzer = new LanguageAnalyzer("en");

        Assert.Equal(analyzer.Analyze("I forgot my password"), analyzer.Analyze("i forgot my pwd"));
    }

    [Fact]
    public void Analyze_Synonyms_MapToTheCanonicalWord()
    {
        var synonyms = new SynonymMap(new Dictionary<string, List<string>> { ["commande"] = ["colis", "mon achat en ligne"] });
        var analyzer = new LanguageAnalyzer("fr", synonyms);

        Assert.Equal(analyzer.Analyze("commande"), analyzer.Analyze("colis"));
        Assert.Equal(analyzer.Analyze("suivre commande"), analyzer.Analyze("suivre mon achat en ligne"));
    }

    [Fact]
    public void CountStopWords_FrenchText_CountsFrenchNotEnglish()
    {
        var tokens = TextNormalizer.Tokenize("je ne trouve pas ma facture dans mon compte");

        Assert.True(new LanguageAnalyzer("fr").CountStopWords(tokens) > new LanguageAnalyzer("en").CountStopWords(tokens));
    }
}
