namespace Conversations.Web.Tests.Hosting;

/// <summary>A server and Chromium of their own for the list of thousands of conversations, which would
/// otherwise slow every other test's lists; run alone, after the parallel collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BulkListCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-bulk-list";
}
