namespace Conversations.Server.Assistants;

/// <summary>A published knowledge article as <c>GET /api/knowledge/articles</c> lists it: the body rendered to
/// sanitized HTML and a plain excerpt.</summary>
public sealed record KnowledgeArticleResponse(
    string AssistantId,
    string Id,
    string Language,
    string Title,
    string Excerpt,
    string Html,
    IReadOnlyList<string> Keywords);
