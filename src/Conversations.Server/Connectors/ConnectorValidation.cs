using System.Globalization;

namespace Conversations.Server.Connectors;

/// <summary>Checks connector bodies; each error is keyed by the JSON path of the field it names.</summary>
public static class ConnectorValidation
{
    public const int MaxIdLength = 256;
    public const int MaxTextLength = 4000;
    public const int MaxAttachments = 5;
    private const int MaxUrlLength = 2048;
    private const int MaxLocaleLength = 35;

    private static readonly HashSet<string> ImageTypes = new(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "image/gif", "image/webp" };
    private static readonly HashSet<string> Statuses = new(StringComparer.Ordinal) { "delivered", "read", "failed" };

    public static Dictionary<string, string[]> Validate(InboundMessageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        RequireId(errors, "messageId", request.MessageId);
        if (request.From is null)
        {
            errors["from"] = ["The sender is required."];
        }
        else
        {
            RequireId(errors, "from.id", request.From.Id);
            Limit(errors, "from.name", request.From.Name, MaxIdLength);
            Limit(errors, "from.locale", request.From.Locale, MaxLocaleLength);
        }

        Limit(errors, "text", request.Text, MaxTextLength);
        var attachments = request.Attachments ?? [];
        if (string.IsNullOrWhiteSpace(request.Text) && attachments.Count == 0)
        {
            errors["text"] = ["A text or at least one attachment is required."];
        }

        if (attachments.Count > MaxAttachments)
        {
            errors["attachments"] = [$"At most {MaxAttachments} attachments are allowed."];
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            ValidateAttachment(errors, string.Create(CultureInfo.InvariantCulture, $"attachments[{i}]"), attachments[i]);
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(StatusRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        RequireId(errors, "messageId", request.MessageId);
        if (request.Status is null || !Statuses.Contains(request.Status))
        {
            errors["status"] = ["The status must be \"delivered\", \"read\" or \"failed\"."];
        }

        return errors;
    }

    private static void ValidateAttachment(Dictionary<string, string[]> errors, string path, InboundAttachment? attachment)
    {
        if (attachment is null)
        {
            errors[path] = ["The attachment is required."];
            return;
        }

        if (attachment.Url is not { Length: <= MaxUrlLength } url
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors[$"{path}.url"] = [$"The URL must be an absolute http or https URL of at most {MaxUrlLength} characters."];
        }

        if (attachment.ContentType is null || !ImageTypes.Contains(attachment.ContentType))
        {
            errors[$"{path}.contentType"] = ["Only images are accepted: image/png, image/jpeg, image/gif or image/webp."];
        }

        Limit(errors, $"{path}.name", attachment.Name, MaxIdLength);
    }

    private static void RequireId(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["The field is required."];
        }
        else
        {
            Limit(errors, field, value, MaxIdLength);
        }
    }

    private static void Limit(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters are allowed."];
        }
    }
}
