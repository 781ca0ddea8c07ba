using Xunit.Sdk;

namespace Conversations.Storage.Tests.Support;

/// <summary>A fact of a suite that runs on each provider: on a PostgreSQL suite it is reported as skipped
/// when <c>CONVERSATIONS_TEST_POSTGRES</c> is not set, never passed without running.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Conversations.Storage.Tests.Support.ProviderFactDiscoverer", "Conversations.Storage.Tests")]
public sealed class ProviderFactAttribute : FactAttribute;
