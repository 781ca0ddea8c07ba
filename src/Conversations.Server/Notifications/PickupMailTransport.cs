using MimeKit;

namespace Conversations.Server.Notifications;

/// <summary>Writes each mail as an <c>.eml</c> file into the pickup folder, named so that names sort by
/// time; written to a temporary name first, so the Outbox never lists half a mail.</summary>
public sealed class PickupMailTransport(OutboxDirectory outbox, TimeProvider clock) : IMailTransport
{
    public string Kind => "pickup";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outbox.Path);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var temporary = System.IO.Path.Combine(outbox.Path, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, System.IO.Path.Combine(outbox.Path, name + ".eml"));
    }
}
