namespace Conversations.Server.Hosting;

/// <summary>Gives the server its documented address without taking precedence over the operator's.</summary>
public static class DefaultUrlsExtensions
{
    /// <summary>Listens on <paramref name="urls"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_HTTP(S)_PORTS</c> or a <c>Kestrel:Endpoints</c> section already say where to listen.</summary>
    /// <remarks>A launch profile would also give a default, but it only applies to <c>dotnet run</c> and
    /// overrides an <c>ASPNETCORE_URLS</c> set by the caller, so the default lives in code.</remarks>
    public static WebApplicationBuilder UseDefaultUrls(this WebApplicationBuilder builder, string urls)
    {
        var configuration = builder.Configuration;
        var configured =
            !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(urls);
        }

        return builder;
    }
}
