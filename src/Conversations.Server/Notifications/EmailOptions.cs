namespace Conversations.Server.Notifications;

/// <summary><c>Email:*</c>: how notification mails leave. Without <see cref="SmtpHost"/> they are written
/// to <see cref="PickupDirectory"/> (under the data folder) and listed on the admin Outbox.</summary>
public sealed class EmailOptions
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>Whether to require TLS (STARTTLS on 587, implicit TLS on 465); off only for a local relay.</summary>
    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "Conversations <conversations@localhost>";

    /// <summary>The console's address as agents reach it, for the link in each mail.</summary>
    public string ConsoleUrl { get; set; } = "http://localhost:5080/console";

    /// <summary>Pickup folder, relative to the data folder.</summary>
    public string PickupDirectory { get; set; } = "outbox";

    /// <summary>At most one "new message" mail per agent and conversation in this window: a chat is many
    /// short messages, and one mail says "come back" as well as twenty.</summary>
    public TimeSpan MessageMailWindow { get; set; } = TimeSpan.FromMinutes(5);
}
