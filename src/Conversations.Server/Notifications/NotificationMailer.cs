using System.Threading.Channels;
using Conversations.Actors;
using Conversations.Contracts;
using Conversations.Server.Events;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Conversations.Server.Notifications;

/// <summary>Mails console notifications to the agents concerned when the workspace's
/// <c>emailNotifications</c> setting is on: a handoff to every licensed agent allowed on the site, a new
/// message or an assignment to the conversation's agent. <see cref="Handle"/> only enqueues; one reader
/// sends, so a slow SMTP server never holds a grain turn.</summary>
public sealed partial class NotificationMailer(
    IGrainFactory grains,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<NotificationMailer> logger) : BackgroundService, IConversationEventHandler
{
    private readonly Channel<NotificationRaised> _notifications = Channel.CreateBounded<NotificationRaised>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    private readonly Dictionary<(string AgentId, string ConversationId), DateTimeOffset> _lastMessageMail = [];

    public void Handle(ConversationEvent conversationEvent)
    {
        if (conversationEvent is NotificationRaised notification)
        {
            _notifications.Writer.TryWrite(notification);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notification in _notifications.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await MailAsync(notification, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMailFailed(e, notification.Kind.ToString(), notification.ConversationId);
            }
        }
    }

    private async Task MailAsync(NotificationRaised notification, CancellationToken cancellationToken)
    {
        var workspace = await grains.GetGrain<IWorkspaceGrain>(notification.WorkspaceId).GetAsync();
        if (!workspace.Settings.EmailNotifications)
        {
            return;
        }

        var candidates = notification.AgentId is { } agentId
            ? workspace.Agents.Where(a => a.AgentId == agentId)
            : workspace.Agents.Where(a => a.Licensed);
        foreach (var member in candidates.ToList())
        {
            var agent = await grains.GetGrain<IAgentGrain>(member.AgentId).GetAsync();
            if (!agent.Exists || agent.Profile.Email.Length == 0 || !agent.IsAllowedOn(notification.SiteId) || Throttled(notification, member.AgentId))
            {
                continue;
            }

            await transport.SendAsync(Compose(notification, agent.Profile), cancellationToken);
        }
    }

    private bool Throttled(NotificationRaised notification, string agentId)
    {
        if (notification.Kind != NotificationKind.Message)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var key = (agentId, notification.ConversationId);
        if (_lastMessageMail.TryGetValue(key, out var last) && now - last < options.Value.MessageMailWindow)
        {
            return true;
        }

        _lastMessageMail[key] = now;
        if (_lastMessageMail.Count > 10_000)
        {
            foreach (var stale in _lastMessageMail.Where(p => now - p.Value >= options.Value.MessageMailWindow).Select(p => p.Key).ToList())
            {
                _lastMessageMail.Remove(stale);
            }
        }

        return false;
    }

    private MimeMessage Compose(NotificationRaised notification, AgentProfile agent)
    {
        var settings = options.Value;
        var link = $"{settings.ConsoleUrl.TrimEnd('/')}/#/conversations/{Uri.EscapeDataString(notification.ConversationId)}";
        var subject = notification.Kind switch
        {
            NotificationKind.Handoff => $"A customer is waiting: {notification.Body}",
            NotificationKind.Assigned => $"Conversation assigned to you: {notification.Body}",
            _ => $"New message from {notification.Title}",
        };
        var message = new MimeMessage
        {
            Subject = OneLine(subject),
            Date = clock.GetUtcNow(),
            Body = new TextPart("plain")
            {
                Text = $"Hello {agent.DisplayName},\n\n{notification.Title}\n{notification.Body}\n\nOpen the conversation: {link}\n",
            },
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(agent.DisplayName, agent.Email));
        message.Headers.Add("X-Conversations-Kind", notification.Kind.ToString().ToLowerInvariant());
        message.Headers.Add("X-Conversations-Conversation", notification.ConversationId);
        return message;
    }

    // Customer text can hold line breaks; a subject never does.
    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 150 ? line[..150] + "…" : line;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailing the {Kind} notification of conversation {ConversationId} failed")]
    private partial void LogMailFailed(Exception exception, string kind, string conversationId);
}
