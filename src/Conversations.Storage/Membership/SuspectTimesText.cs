using System.Globalization;

namespace Conversations.Storage.Membership;

/// <summary>The suspicion votes of a membership row as one text column: <c>silo@generation=time</c> pairs
/// separated by <c>|</c>. Silo addresses never hold '|' or '=', and times are round-trip ISO 8601 UTC.</summary>
internal static class SuspectTimesText
{
    public static string? Write(List<Tuple<SiloAddress, DateTime>>? votes) =>
        votes is null or { Count: 0 }
            ? null
            : string.Join('|', votes.Select(v => $"{v.Item1.ToParsableString()}={DateTime.SpecifyKind(v.Item2, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)}"));

    public static List<Tuple<SiloAddress, DateTime>>? Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var votes = new List<Tuple<SiloAddress, DateTime>>();
        foreach (var vote in text.Split('|'))
        {
            var separator = vote.LastIndexOf('=');
            var time = DateTime.Parse(vote.AsSpan(separator + 1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            votes.Add(Tuple.Create(SiloAddress.FromParsableString(vote[..separator]), time));
        }

        return votes;
    }
}
