using System.Text;

namespace Conversations.Server.Uploads;

/// <summary>Makes a client's file name safe to store, show and put in a Content-Disposition header.</summary>
public static class UploadNames
{
    private const int MaxLength = 100;
    private const string Fallback = "image";

    /// <summary>The base name without folders, control or reserved characters, with the extension of the
    /// sniffed format, so "invoice.html" holding a PNG is named "invoice.png".</summary>
    public static string Sanitize(string? fileName, string extension)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && !char.IsSurrogate(c) && !IsBidiControl(c) && "\"*:<>?|;%".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                builder.Append(c);
            }
        }

        var stem = Path.GetFileNameWithoutExtension(builder.ToString()).Trim().Trim('.');
        if (stem.Length == 0)
        {
            stem = Fallback;
        }

        return (stem.Length > MaxLength ? stem[..MaxLength] : stem) + extension;
    }

    // Bidirectional controls reorder what is shown: "photo\u202Egnp.exe" reads as "photoexe.png".
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
