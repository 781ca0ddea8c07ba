using Conversations.Storage.Sql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Security;

/// <summary>Keeps the Data Protection key ring in the storage database.</summary>
public static class DataProtectionDatabaseExtensions
{
    /// <summary>Stores keys through <see cref="SqlXmlRepository"/> over the database storage already uses, so
    /// nodes of a cluster share them (and a single node keeps them with the rest of its data).</summary>
    public static IDataProtectionBuilder PersistKeysToConversationsDatabase(this IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new SqlXmlRepository(sp.GetRequiredService<SqlDatabase>(), sp.GetRequiredService<TimeProvider>())));
        return builder;
    }
}
