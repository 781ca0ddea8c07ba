using System.Globalization;
using Conversations.Contracts;
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

    /// <summary>A required id, at most <see cref="MaxId"/> characters.</summary>
    public static string Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(field, "is required.") : Max(value, field, MaxId);

    /// <summary>An optional id; empty means absent.</summary>
    public static string? OptionalId(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null : Max(value, field, MaxId);

    /// <summary>A text kept exactly as written (never trimmed nor encoded); null when absent.</summary>
    public static string? Text(string? value, string field) =>
        value is null ? null : Max(value, field, MaxText);

    public static string Max(string value, string field, int max) =>
        value.Length > max
            ? throw Invalid(field, $"is longer than {max.ToString("N0", CultureInfo.InvariantCulture)} characters.")
            : value;

    /// <summary>A refused argument, as the client sees it: "invalid_argument: field …".</summary>
    public static HubException Invalid(string field, string message) =>
        new($"{DomainErrors.InvalidArgument}: {field} {message}");
}
