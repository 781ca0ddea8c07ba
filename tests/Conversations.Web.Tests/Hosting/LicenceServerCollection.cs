namespace Conversations.Web.Tests.Hosting;

/// <summary>A server and Chromium of their own for the licence test, whose workspace-wide counts other
/// tests would change; run alone, after the parallel collections, so it adds no load to them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LicenceServerCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-licence";
}
