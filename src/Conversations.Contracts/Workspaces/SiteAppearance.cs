namespace Conversations.Contracts;

/// <summary>How the widget looks on a site; every member null means the widget's default.</summary>
/// <param name="Title">The chat window's title.</param>
/// <param name="Greeting">A line shown above the conversation before anything is written.</param>
/// <param name="PrimaryColor">The launcher, header and customer-bubble colour, <c>#rrggbb</c>.</param>
/// <param name="AvatarUrl">The avatar shown for the assistant and in the header.</param>
/// <param name="LauncherPosition"><c>right</c> or <c>left</c> bottom corner.</param>
[GenerateSerializer]
[Immutable]
[Alias("Conversations.SiteAppearance")]
public sealed record SiteAppearance(
    string? Title = null,
    string? Greeting = null,
    string? PrimaryColor = null,
    string? AvatarUrl = null,
    string? LauncherPosition = null);
