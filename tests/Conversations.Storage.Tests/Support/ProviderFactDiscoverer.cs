using Xunit.Abstractions;
using Xunit.Sdk;

namespace Conversations.Storage.Tests.Support;

/// <summary>Discovers <see cref="ProviderFactAttribute"/> facts per concrete suite class, which is where the
/// provider is known (the attribute sits on the shared abstract suite).</summary>
public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var suite = testMethod.TestClass.Class.ToRuntimeType();
        if (typeof(IPostgresSuite).IsAssignableFrom(suite) && TestDatabase.PostgresConnectionString is null)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod,
                $"PostgreSQL tests need {TestDatabase.PostgresVariable} (an Npgsql connection string; see .ci/postgres.sh).")];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
