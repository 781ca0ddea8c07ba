using MimeKit;

namespace Conversations.Server.Notifications;

/// <summary>Where a finished mail goes: an SMTP server or the pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>"smtp" or "pickup", as the Outbox page shows it.</summary>
    string Kind { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
