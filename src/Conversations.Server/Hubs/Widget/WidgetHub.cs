using Conversations.Contracts;
using Conversations.Grains.Hosting;
using Conversations.Server.Cluster;
using Conversations.Server.Hubs.Payloads;
using Conversations.Server.Hubs.Requests;
using Conversations.Server.Hubs.Security;
using Conversations.Server.Security;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.Server.Hubs.Widget;

/// <summary><c>/hubs/widget</c>: anonymous visitors. The contact is the one named by the visitor token
/// that <c>start</c> verified on this connection, never an argument; every conversation id a visitor
/// names is checked against that contact.</summary>
public sealed class WidgetHub(IGrainFactory grains, VisitorTokens tokens, WidgetArguments arguments, IEdgeAudience edge, OpenHubConnections open) : Hub<IWidgetClient>
{
    private static readonly object SessionKey = new();

    [HubMethodName("start")]
    public async Task<StartResult> StartAsync(StartRequest? request)
    {
        var start = HubArguments.Required(request);
        var siteId = HubArguments.Id(start.SiteId, "siteId");
        var locale = start.Locale is null ? null : HubArguments.Max(start.Locale, "locale", 35);
        var variables = WidgetArguments.Variables(start.Variables);
        var identity = WidgetArguments.Identity(start.Identity);
        var token = start.VisitorToken is { Length: > 0 } given ? HubArguments.Max(given, "visitorToken", 1_024) : null;

        var route = await grains.GetGrain<ISiteGrain>(siteId).GetAsync()
            ?? throw HubErrors.Of(DomainErrors.SiteUnknown, $"siteId '{siteId}' is not a known site.");
        if (Context.GetHttpContext() is { } http && !OriginPolicy.Allows(http.Request, route.Site))
        {
            throw HubErrors.Of(DomainErrors.Forbidden, $"this page's origin may not use the widget of site '{siteId}'.");
        }

        VisitorIdentity visitor;
        if (token is null)
        {
            visitor = new VisitorIdentity(route.WorkspaceId, siteId, Guid.NewGuid().ToString("N"));
            token = tokens.Issue(visitor);
        }
        else
        {
            visitor = tokens.Read(token) ?? throw HubArguments.Invalid("visitorToken", "is not a valid visitor token.");
            if (visitor.WorkspaceId != route.WorkspaceId || visitor.SiteId != siteId)
            {
                throw HubArguments.Invalid("visitorToken", $"was issued for another site than '{siteId}'.");
            }
        }

        // Before the snapshot: from here on the events of the contact's conversations reach this node
        // wherever their grains live, so none falls between the snapshot and the events that follow it.
        await edge.FollowAsync(Context.ConnectionId, [AudienceKeys.Contact(visitor.ContactId)]);
        var snapshot = await grains.GetGrain<IContactGrain>(visitor.ContactId)
            .StartAsync(new ContactStart(route.WorkspaceId, siteId, token, locale, variables, identity));
        await BindAsync(new VisitorSession(route.WorkspaceId, siteId, visitor.ContactId));
        Visitor().Own(snapshot.ConversationId);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Conversation(snapshot.ConversationId));
        return new StartResult(snapshot.ConversationId, token, snapshot.State, snapshot.Messages);
    }

    [HubMethodName("send")]
    [Idempotent]
    public async Task<Message> SendAsync(MessageRequest? request)
    {
        var send = HubArguments.Required(request);
        var conversationId = HubArguments.Id(send.ConversationId, "conversationId");
        var clientMessageId = HubArguments.Id(send.ClientMessageId, "clientMessageId");
        var text = HubArguments.Text(send.Text, "text");
        var visitor = Visitor();
        var attachment = await arguments.AttachmentAsync(visitor.WorkspaceId, send.AttachmentId, text, Context.ConnectionAborted);
        if (visitor.Owns(conversationId))
        {
            try
            {
                var sent = await grains.GetGrainByKey<IConversationGrain>(conversationId)
                    .SendAsCustomerAsync(new CustomerMessage(visitor.ContactId, clientMessageId, text, attachment, Origin: Context.ConnectionId));
                return sent.Message;
            }
            catch (DomainException e) when (e.Code == DomainErrors.ConversationClosed)
            {
                // Closed with the "new conversation" policy: the contact grain starts the next one.
            }
        }

        var message = await grains.GetGrain<IContactGrain>(visitor.ContactId)
            .SendAsync(new ContactMessage(conversationId, clientMessageId, text, attachment, Context.ConnectionId));
        visitor.Own(conversationId);
        if (message.ConversationId != conversationId)
        {
            // The closed conversation's policy started a new one: follow it.
            visitor.Own(message.ConversationId);
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Conversation(message.ConversationId));
        }

        return message;
    }

    [HubMethodName("choose")]
    [Idempotent]
    public async Task<Message> ChooseAsync(ChooseRequest? request)
    {
        var choose = HubArguments.Required(request);
        var clientMessageId = HubArguments.Id(choose.ClientMessageId, "clientMessageId");
        var optionId = HubArguments.Id(choose.OptionId, "optionId");
        var (contactId, conversation) = await OwnedAsync(choose.ConversationId);
        return await conversation.ChooseAsync(new CustomerChoice(contactId, clientMessageId, optionId));
    }

    [HubMethodName("requestAgent")]
    public async Task<ConversationState> RequestAgentAsync(ConversationRequest? request)
    {
        var (contactId, conversation) = await OwnedAsync(HubArguments.Required(request).ConversationId);
        return await conversation.RequestAgentAsync(contactId);
    }

    [HubMethodName("returnToBot")]
    public async Task<ConversationState> ReturnToBotAsync(ConversationRequest? request)
    {
        var (contactId, conversation) = await OwnedAsync(HubArguments.Required(request).ConversationId);
        return await conversation.CustomerReturnToBotAsync(contactId);
    }

    [HubMethodName("acceptHelp")]
    public async Task<ConversationState> AcceptHelpAsync(ConversationRequest? request)
    {
        var (contactId, conversation) = await OwnedAsync(HubArguments.Required(request).ConversationId);
        return await conversation.AcceptHelpAsync(contactId);
    }

    [HubMethodName("typing")]
    public async Task TypingAsync(TypingRequest? request)
    {
        var typing = HubArguments.Required(request);
        var (contactId, conversation) = await OwnedAsync(typing.ConversationId);
        await conversation.CustomerTypingAsync(contactId, typing.IsTyping);
    }

    [HubMethodName("markRead")]
    public async Task MarkReadAsync(MarkReadRequest? request)
    {
        var read = HubArguments.Required(request);
        var upToSeq = read.UpToSeq is >= 0 and var seq ? seq : throw HubArguments.Invalid("upToSeq", "is required (0 or more).");
        var (contactId, conversation) = await OwnedAsync(read.ConversationId);
        await conversation.CustomerMarkReadAsync(contactId, upToSeq);
    }

    [HubMethodName("rate")]
    public async Task RateAsync(RateRequest? request)
    {
        var rate = HubArguments.Required(request);
        var score = rate.Score is >= 1 and <= 5 ? rate.Score.Value : throw HubArguments.Invalid("score", "must be from 1 to 5.");
        var comment = HubArguments.Text(rate.Comment, "comment");
        var (contactId, conversation) = await OwnedAsync(rate.ConversationId);
        await conversation.RateAsync(contactId, score, comment);
    }

    [HubMethodName("history")]
    public async Task<IReadOnlyList<Message>> HistoryAsync(HistoryRequest? request)
    {
        var history = HubArguments.Required(request);
        var limit = history.Limit ?? 50;
        if (limit is < 1 or > 100)
        {
            throw HubArguments.Invalid("limit", "must be from 1 to 100.");
        }

        if (history.BeforeSeq is < 1)
        {
            throw HubArguments.Invalid("beforeSeq", "must be 1 or more.");
        }

        var (contactId, conversation) = await OwnedAsync(history.ConversationId);
        return await conversation.CustomerHistoryAsync(contactId, history.BeforeSeq, limit);
    }

    public override Task OnConnectedAsync()
    {
        open.Opened(Context);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        open.Closed(Context.ConnectionId);
        edge.Disconnected(Context.ConnectionId);
        if (Context.Items.TryGetValue(SessionKey, out var session))
        {
            await grains.GetGrain<IContactGrain>(((VisitorSession)session!).ContactId).DisconnectedAsync();
        }

        await base.OnDisconnectedAsync(exception);
    }

    // Presence counts connections: each connection counts once, for the contact it acts for now.
    private async Task BindAsync(VisitorSession session)
    {
        if (Context.Items.TryGetValue(SessionKey, out var current) && ((VisitorSession)current!).ContactId == session.ContactId)
        {
            return;
        }

        if (current is VisitorSession previous)
        {
            await grains.GetGrain<IContactGrain>(previous.ContactId).DisconnectedAsync();
        }

        Context.Items[SessionKey] = session;
        await grains.GetGrain<IContactGrain>(session.ContactId).ConnectedAsync();
    }

    private VisitorSession Visitor() =>
        Context.Items.TryGetValue(SessionKey, out var session)
            ? (VisitorSession)session!
            : throw HubErrors.Of(HubErrors.NotStarted, "call start first: this connection has no visitor yet.");

    private async Task<(string ContactId, IConversationGrain Conversation)> OwnedAsync(string? conversationId)
    {
        var id = HubArguments.Id(conversationId, "conversationId");
        var visitor = Visitor();
        if (!visitor.Owns(id))
        {
            await grains.GetGrain<IContactGrain>(visitor.ContactId).EnsureOwnsAsync(id);
            visitor.Own(id);
        }

        return (visitor.ContactId, grains.GetGrainByKey<IConversationGrain>(id));
    }
}
