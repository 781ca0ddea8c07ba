namespace Conversations.Server.Errors;

/// <summary>Problem details for every error the edge answers.</summary>
public static class ErrorsExtensions
{
    public static IServiceCollection AddConversationsErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        return services;
    }
}
