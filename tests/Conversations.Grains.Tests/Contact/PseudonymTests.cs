using Conversations.Grains.Contact;

namespace Conversations.Grains.Tests.Contact;

public sealed class PseudonymTests
{
    [Fact]
    public void Render_VariablesKnown_SubstitutesThemCaseInsensitively()
    {
        var name = Pseudonym.Render("{{PRENOM}} ({{SOCIETE}})", new Dictionary<string, string> { ["prenom"] = "Marie", ["Societe"] = "Acme" }, "4821");

        Assert.Equal("Marie (Acme)", name);
    }

    [Fact]
    public void Render_SomeVariablesMissing_DropsTheirEmptySurroundings()
    {
        var name = Pseudonym.Render("{{PRENOM}} ({{SOCIETE}})", new Dictionary<string, string> { ["PRENOM"] = "Marie" }, "4821");

        Assert.Equal("Marie", name);
    }

    [Fact]
    public void Render_NoVariableKnown_FallsBackToAnonymousVisitor()
    {
        var name = Pseudonym.Render("{{PRENOM}} - {{SOCIETE}}", new Dictionary<string, string> { ["PRENOM"] = "  " }, "4821");

        Assert.Equal("Visitor 4821", name);
    }

    [Fact]
    public void Render_NumberTemplate_KeepsTheNumber()
    {
        var name = Pseudonym.Render("Client {n}", new Dictionary<string, string>(), "0042");

        Assert.Equal("Client 0042", name);
    }

    [Fact]
    public void Render_TemplateWithVariableAndNumber_UsesBoth()
    {
        var name = Pseudonym.Render("{{SOCIETE}} #{n}", new Dictionary<string, string> { ["SOCIETE"] = "Acme" }, "7");

        Assert.Equal("Acme #7", name);
    }
}
