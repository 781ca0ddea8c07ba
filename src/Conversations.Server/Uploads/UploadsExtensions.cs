using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Uploads;

/// <summary>Wires signed upload links (into both hub protocols and the REST API's JSON) and the uploads' CORS.</summary>
public static class UploadsExtensions
{
    public static IServiceCollection AddUploadLinks(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration("Uploads");
        services.AddSingleton<UploadLinks>();
        services.AddSingleton<SignedAttachmentConverter>();
        services.AddOptions<JsonHubProtocolOptions>().Configure<SignedAttachmentConverter>((hub, converter) =>
            hub.PayloadSerializerOptions.Converters.Add(converter));
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<SignedAttachmentConverter>((rest, converter) =>
            rest.SerializerOptions.Converters.Add(converter));
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider, UploadCorsPolicyProvider>();
        return services;
    }
}
