using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Storage.Membership;

/// <summary>Wires Orleans cluster membership onto the PostgreSQL database of storage.</summary>
public static class MembershipSiloBuilderExtensions
{
    /// <summary>Makes the silo find its peers through <see cref="PostgresMembershipTable"/>. Storage must be
    /// added with <c>Storage:Provider=Postgres</c>: the table shares its database and its migrations.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        return builder;
    }
}
