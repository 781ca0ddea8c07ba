namespace Conversations.Server.Uploads;

/// <summary>Recognizes the accepted image formats by their magic bytes. The client's content type and
/// file name are claims anyone can forge; the bytes are what a browser would end up interpreting.</summary>
public static class ImageSniffer
{
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Gif87 => "GIF87a"u8;

    private static ReadOnlySpan<byte> Gif89 => "GIF89a"u8;

    private static ReadOnlySpan<byte> Riff => "RIFF"u8;

    private static ReadOnlySpan<byte> Webp => "WEBP"u8;

    /// <summary>The content type and file extension of the image in <paramref name="bytes"/>, or null when
    /// it is none of png, jpeg, gif or webp.</summary>
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Png))
        {
            return ("image/png", ".png");
        }

        if (bytes.StartsWith(Jpeg))
        {
            return ("image/jpeg", ".jpg");
        }

        if (bytes.StartsWith(Gif87) || bytes.StartsWith(Gif89))
        {
            return ("image/gif", ".gif");
        }

        if (bytes.Length >= 12 && bytes.StartsWith(Riff) && bytes[8..12].SequenceEqual(Webp))
        {
            return ("image/webp", ".webp");
        }

        return null;
    }
}
