using System.Runtime.CompilerServices;

namespace Conversations.Server.Hubs.Filters;

/// <summary>Carries a hub argument's deserialization error from the JSON protocol to the hub pipeline.
/// SignalR answers a binding failure with a fixed "error on the server" text that names nothing, before any
/// filter runs; so <see cref="ArgumentShapeConverter{T}"/> binds a placeholder instead and remembers why,
/// and <see cref="ArgumentShapeFilter"/> refuses the call with <c>invalid_argument: field …</c>.</summary>
public static class ArgumentShapes
{
    private static readonly ConditionalWeakTable<object, string> Errors = [];

    /// <summary>A placeholder argument standing for a value that could not be read.</summary>
    public static T Refused<T>(string field, string message)
        where T : class
    {
        var placeholder = (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
        Errors.Add(placeholder, $"{field} {message}");
        return placeholder;
    }

    /// <summary>Throws the <c>invalid_argument</c> error of the first placeholder among <paramref name="arguments"/>.</summary>
    public static void ThrowIfRefused(IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var argument in arguments)
        {
            if (argument is not null && Errors.TryGetValue(argument, out var error))
            {
                throw HubArguments.Invalid(error[..error.IndexOf(' ', StringComparison.Ordinal)], error[(error.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            }
        }
    }
}
