using Conversations.Testing.Cluster;

namespace Conversations.Server.Tests.Cluster;

/// <summary>A fact that needs PostgreSQL: reported as skipped, never passed, when
/// <c>CONVERSATIONS_TEST_POSTGRES</c> is not set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.AdminConnectionString is null)
        {
            Skip = $"Needs {TestPostgres.Variable} (an Npgsql connection string; see .ci/postgres.sh).";
        }
    }
}
