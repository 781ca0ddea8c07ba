using Microsoft.Extensions.Logging;

namespace Conversations.Server.Tests.Support;

/// <summary>One log entry the server wrote.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
