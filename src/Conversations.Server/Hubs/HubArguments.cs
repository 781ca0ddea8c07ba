using System.Globalization;
using Conversations.Contracts;
using Conversations.Server.Text;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs;

/// <summary>Checks hub arguments at the edge, before any grain is called, so a bad call changes nothing
/// and its error names the field.</summary>
public static class HubArguments
{
    /// <summary>Most characters of a text a person writes.</summary>
    public const int MaxText = 4_000;

    /// <summary>Most characters of an id.</summary>
    public const int MaxId = 128;

    /// <summary>Most characters of a name, e-mail address or locale.</summary>
    public const int MaxName = 320;

    public static T Required<T>(T? argument)
        where T : class =>
        argument ?? throw Invalid("argument", "is required (an object).");

    /// <summary>A required id, at most <see cref="MaxId"/> characters, without control characters.</summary>
    public static string Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(field, "is required.") : IdText(value, field);

    /// <summary>An optional id; empty means absent.</summary>
    public static string? OptionalId(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null : IdText(value, field);

    /// <summary>A text kept exactly as written (never trimmed nor encoded); null when absent.</summary>
    public static string? Text(string? value, string field) =>
        value is null ? null : Max(value, field, MaxText);

    /// <summary>A text of at most <paramref name="max"/> characters that the databases can store.</summary>
    public static string Max(string value, string field, int max) =>
        value.Length > max
            ? throw Invalid(field, $"is longer than {max.ToString("N0", CultureInfo.InvariantCulture)} characters.")
            : TextRules.Problem(value) is { } problem ? throw Invalid(field, problem) : value;

    private static string IdText(string value, string field) =>
        TextRules.Problem(Max(value, field, MaxId), multiline: false) is { } problem ? throw Invalid(field, problem) : value;

    /// <summary>A refused argument, as the client sees it: "invalid_argument: field …".</summary>
    public static HubException Invalid(string field, string message) =>
        new($"{DomainErrors.InvalidArgument}: {field} {message}");
}
