using Conversations.Contracts;

namespace Conversations.Storage.Text;

/// <summary>The contract's lower-case names of enums, as stored in text columns (readable in SQL, stable
/// when members are reordered).</summary>
internal static class EnumText
{
    public static string Of(MessageKind kind) => kind switch
    {
        MessageKind.Text => "text",
        MessageKind.Image => "image",
        MessageKind.Choice => "choice",
        MessageKind.System => "system",
        MessageKind.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(AuthorKind kind) => kind switch
    {
        AuthorKind.Customer => "customer",
        AuthorKind.Bot => "bot",
        AuthorKind.Agent => "agent",
        AuthorKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(ConversationStatus status) => status switch
    {
        ConversationStatus.Bot => "bot",
        ConversationStatus.Waiting => "waiting",
        ConversationStatus.Live => "live",
        ConversationStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(MonitoringMode mode) => mode switch
    {
        MonitoringMode.None => "none",
        MonitoringMode.Weak => "weak",
        MonitoringMode.Strong => "strong",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static MessageKind ParseMessageKind(string text) => text switch
    {
        "text" => MessageKind.Text,
        "image" => MessageKind.Image,
        "choice" => MessageKind.Choice,
        "system" => MessageKind.System,
        "note" => MessageKind.Note,
        _ => throw Unknown(text),
    };

    public static AuthorKind ParseAuthorKind(string text) => text switch
    {
        "customer" => AuthorKind.Customer,
        "bot" => AuthorKind.Bot,
        "agent" => AuthorKind.Agent,
        "system" => AuthorKind.System,
        _ => throw Unknown(text),
    };

    public static ConversationStatus ParseStatus(string text) => text switch
    {
        "bot" => ConversationStatus.Bot,
        "waiting" => ConversationStatus.Waiting,
        "live" => ConversationStatus.Live,
        "closed" => ConversationStatus.Closed,
        _ => throw Unknown(text),
    };

    public static MonitoringMode ParseMonitoring(string text) => text switch
    {
        "none" => MonitoringMode.None,
        "weak" => MonitoringMode.Weak,
        "strong" => MonitoringMode.Strong,
        _ => throw Unknown(text),
    };

    private static FormatException Unknown(string text) => new($"Unknown stored value '{text}'.");
}
