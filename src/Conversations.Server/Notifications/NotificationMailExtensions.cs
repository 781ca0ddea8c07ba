using Conversations.Server.Events;
using Microsoft.Extensions.Options;

namespace Conversations.Server.Notifications;

/// <summary>Wires notification mail: SMTP when <c>Email:SmtpHost</c> is set, else the pickup folder.</summary>
public static class NotificationMailExtensions
{
    public static IServiceCollection AddNotificationMail(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        services.AddSingleton(sp => new OutboxDirectory(Path.GetFullPath(Path.Combine(dataDirectory, sp.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory))));
        services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
            ? ActivatorUtilities.CreateInstance<PickupMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp));
        services.AddSingleton<NotificationMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationMailer>());
        services.AddSingleton<IConversationEventHandler>(sp => sp.GetRequiredService<NotificationMailer>());
        return services;
    }
}
