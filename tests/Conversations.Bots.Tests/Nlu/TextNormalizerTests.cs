using Conversations.Bots.Nlu;

namespace Conversations.Bots.Tests.Nlu;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("L'adresse de livraison", "adresse de livraison")]
    [InlineData("J’ai reçu qu'un colis", "ai recu un colis")]
    [InlineData("Où est ma COMMANDE ?!", "ou est ma commande")]
    [InlineData("I don't have it, what's up", "i don have it what up")]
    [InlineData("cœur  Œuvre", "coeur oeuvre")]
    public void Tokenize_Text_FoldsCaseAccentsPunctuationAndElisions(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', TextNormalizer.Tokenize(text)));
    }
}
