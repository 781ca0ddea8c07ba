using System.Diagnostics.CodeAnalysis;

namespace Conversations.Server.Security;

/// <summary>Reads a widget's visitor token. Tokens are issued by the widget hub; REST only verifies them
/// (uploads), so it needs this one method.</summary>
public interface IVisitorTokenReader
{
    /// <summary>The identity in <paramref name="token"/>, or false when the token is missing, forged or malformed.</summary>
    bool TryRead(string? token, [NotNullWhen(true)] out VisitorIdentity? identity);
}
