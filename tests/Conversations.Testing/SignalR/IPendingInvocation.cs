using System.Text.Json;

namespace Conversations.Testing.SignalR;

/// <summary>An invocation waiting for its completion message.</summary>
internal interface IPendingInvocation
{
    /// <summary>The hub method, for error messages: completions do not name it.</summary>
    string Method { get; }

    void Complete(JsonElement result, JsonSerializerOptions options);

    void Fail(Exception error);
}
