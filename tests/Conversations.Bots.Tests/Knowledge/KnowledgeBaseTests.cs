using Conversations.Bots.Knowledge;
using Conversations.Bots.Tests.Support;

namespace Conversations.Bots.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    [Fact]
    public void ToHtml_HostileMarkdown_IsSanitized()
    {
        var html = ArticleRenderer.ToHtml("**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>");

        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Find_Translation_PrefersTheLanguageAndFallsBack()
    {
        var knowledge = TestAssistants.Flows.Knowledge;

        Assert.Equal("Help", knowledge.Find("help", "en")!.Title);
        Assert.Equal("Aide", knowledge.Find("help", "fr")!.Title);
        Assert.NotNull(knowledge.Find("help", "de"));
        Assert.Null(knowledge.Find("nothing", "en"));
    }

    [Fact]
    public void Search_DemoArticles_RanksByTheSameMatching()
    {
        var results = TestAssistants.Demo.Knowledge.Search("comment renvoyer un article et être remboursé", "fr");

        Assert.Equal("returns-policy", results[0].Article.Id);
        Assert.Contains("<strong>30 jours</strong>", results[0].Article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_Typo_StillFindsTheArticle()
    {
        var results = TestAssistants.Demo.Knowledge.Search("size guidr");

        Assert.Equal("size-guide", results[0].Article.Id);
        Assert.Equal("en", results[0].Article.Language);
    }
}
