namespace Conversations.Server.Uploads;

/// <summary>The <c>Uploads</c> section.</summary>
public sealed class UploadOptions
{
    /// <summary>How long an image link handed out in a message stays valid. Links are signed again each
    /// time a message is sent or read, so this only bounds how long a copied link keeps working.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);
}
