namespace Conversations.Bots.Definition;

/// <summary>The checks an input step can ask of a free-text answer (its <c>validate</c> field).</summary>
public static class InputValidation
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Number = "number";
    public const string NotEmpty = "notEmpty";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Email, Phone, Number, NotEmpty };
}
