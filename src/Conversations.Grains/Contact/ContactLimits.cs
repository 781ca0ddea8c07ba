using System.Globalization;
using Conversations.Contracts;

namespace Conversations.Grains.Contact;

/// <summary>Bounds what a contact accumulates over many calls (each call's own limits do not bound the sum),
/// so a script repeating <c>start</c> cannot grow a contact's state, and every conversation detail showing it,
/// without end.</summary>
public static class ContactLimits
{
    /// <summary>Most variables (or custom fields) a contact holds.</summary>
    public const int MaxEntries = 100;

    /// <summary>Most characters of all keys and values together.</summary>
    public const int MaxCharacters = 32 * 1024;

    /// <summary>Refuses merging <paramref name="incoming"/> into <paramref name="current"/> when the result
    /// would pass a limit; checked before anything changes, so a refused call changes nothing.</summary>
    public static void CheckMerge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string>? incoming, string field)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (incoming is null || incoming.Count == 0)
        {
            return;
        }

        var entries = current.Count + incoming.Keys.Count(key => !current.ContainsKey(key));
        var characters = current.Where(e => !incoming.ContainsKey(e.Key)).Sum(e => e.Key.Length + e.Value.Length)
            + incoming.Sum(e => e.Key.Length + (e.Value?.Length ?? 0));
        if (entries > MaxEntries || characters > MaxCharacters)
        {
            throw new DomainException(DomainErrors.InvalidArgument, string.Create(
                CultureInfo.InvariantCulture,
                $"{field} would make the contact hold {entries} entries of {characters} characters; at most {MaxEntries} entries of {MaxCharacters} characters in all are kept."));
        }
    }
}
