namespace Conversations.Bots.Runtime;

/// <summary>One turn for the assistant.</summary>
/// <param name="Kind">Start, text, choice or resume.</param>
/// <param name="Text">What the customer wrote.</param>
/// <param name="ChoiceId">The option picked.</param>
/// <param name="Locale">The customer's locale when known (browser, channel).</param>
/// <param name="Context">Variables known outside the assistant (contact name, email…), readable in templates.</param>
public sealed record BotInput(
    BotInputKind Kind,
    string? Text = null,
    string? ChoiceId = null,
    string? Locale = null,
    IReadOnlyDictionary<string, string>? Context = null)
{
    public static BotInput Start(string? locale = null, IReadOnlyDictionary<string, string>? context = null) => new(BotInputKind.Start, Locale: locale, Context: context);

    public static BotInput Say(string text) => new(BotInputKind.Text, Text: text);

    public static BotInput Choose(string optionId) => new(BotInputKind.Choice, ChoiceId: optionId);

    public static BotInput Resume() => new(BotInputKind.Resume);
}
