namespace Conversations.Server.Hosting;

/// <summary>Where the server keeps its files (SQLite database, data-protection keys, uploads).</summary>
/// <param name="DataDirectory">The absolute data folder.</param>
public sealed record ServerPaths(string DataDirectory);
