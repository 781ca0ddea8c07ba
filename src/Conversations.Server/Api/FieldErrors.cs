using Conversations.Server.Errors;

namespace Conversations.Server.Api;

/// <summary>Collects validation errors per field (camelCase, as the client spelled it) so one 400 names
/// every wrong field at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>The 400 problem naming the fields.</summary>
    public IResult ToProblem() => Problems.Validation(_errors);
}
