using Conversations.Bots.Knowledge;

namespace Conversations.Bots.Runtime;

/// <summary>Something the assistant says: a text, an image, options to pick, or a knowledge article.</summary>
public sealed record BotMessage(string Text, string? ImageUrl = null, IReadOnlyList<BotOption>? Options = null, RenderedArticle? Article = null);
