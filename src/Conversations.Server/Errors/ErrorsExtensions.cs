using Conversations.Server.Text;

namespace Conversations.Server.Errors;

/// <summary>Problem details for every error the edge answers.</summary>
public static class ErrorsExtensions
{
    public static IServiceCollection AddConversationsErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();

        // Outside Development minimal APIs answer a body they cannot bind with a bare 400; throwing lets
        // DomainExceptionHandler name the field in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new StrictStringConverter()));
        return services;
    }
}
