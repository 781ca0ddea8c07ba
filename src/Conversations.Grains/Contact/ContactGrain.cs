using System.Security.Cryptography;
using System.Text;
using Conversations.Contracts;
using Conversations.Grains.Persistence;

namespace Conversations.Grains.Contact;

/// <summary>A customer and its entry point into conversations. Being one activation, it makes
/// get-or-create of the open conversation per site or channel atomic.</summary>
[GrainType("ContactGrain")]
public sealed class ContactGrain(
    [PersistentState("contact")] IPersistentState<ContactGrainState> state,
    IMessageLog messageLog,
    IConversationEventSink events) : Grain, IContactGrain
{
    // Live widget connections are not durable: after a restart every widget reconnects.
    private int _connections;

    private ContactGrainState State => state.State;

    public async Task<ConversationSnapshot> StartAsync(ContactStart command)
    {
        ContactLimits.CheckMerge(State.Variables, command.Variables, "variables");
        BindWorkspace(command.WorkspaceId);
        var workspace = await GrainFactory.GetGrain<IWorkspaceGrain>(command.WorkspaceId).GetAsync();
        var site = workspace.Sites.FirstOrDefault(s => s.Id == command.SiteId)
            ?? throw new DomainException(DomainErrors.SiteUnknown, $"Site '{command.SiteId}' does not exist in workspace '{command.WorkspaceId}'.");
        if (command.Identity is { } identity)
        {
            Verify(site, identity);
        }

        if (command.VisitorToken is { } token && !State.VisitorTokens.Contains(token))
        {
            State.VisitorTokens.Add(token);
        }

        State.Locale = command.Locale ?? State.Locale;
        Merge(State.Variables, command.Variables);
        if (State.DisplayName.Length == 0)
        {
            State.DisplayName = Pseudonym.Render(site.PseudonymTemplate, State.Variables, PseudonymNumber());
        }

        var scope = $"site:{site.Id}";
        var reuse = command.Monitoring == MonitoringMode.None;
        var conversationId = await OpenConversationAsync(scope, site.ReopenPolicy, reuse);
        await state.WriteStateAsync();
        return await GrainFactory.GetGrain<IConversationGrain>(conversationId).StartAsync(new StartConversation(
            command.WorkspaceId, site.Id, null, this.GetPrimaryKeyString(), State.DisplayName, State.Locale, State.Variables, command.Monitoring));
    }

    public async Task<Message> SendAsync(ContactMessage command)
    {
        RequireOwner(command.ConversationId);
        var message = new CustomerMessage(this.GetPrimaryKeyString(), command.ClientMessageId, command.Text, command.Attachment, Origin: command.Origin);
        var result = await SendOrStartNewAsync(command.ConversationId, message);
        return result.Message;
    }

    public async Task<InboundResult> ReceiveInboundAsync(InboundMessage command)
    {
        BindWorkspace(command.WorkspaceId);
        if (await messageLog.FindByExternalIdAsync(command.ChannelId, command.ExternalId) is { } stored)
        {
            return new InboundResult(stored.ConversationId, stored, Duplicate: true);
        }

        var workspace = await GrainFactory.GetGrain<IWorkspaceGrain>(command.WorkspaceId).GetAsync();
        var channel = workspace.Channels.FirstOrDefault(c => c.Id == command.ChannelId)
            ?? throw new DomainException(DomainErrors.ChannelUnknown, $"Channel '{command.ChannelId}' does not exist in workspace '{command.WorkspaceId}'.");
        State.ExternalIds[channel.Id] = command.ExternalUserId;
        State.DisplayName = command.DisplayName ?? (State.DisplayName.Length == 0 ? command.ExternalUserId : State.DisplayName);
        State.Locale = command.Locale ?? State.Locale;
        var conversationId = await OpenConversationAsync($"channel:{channel.Id}", channel.ReopenPolicy, reuse: true);
        await state.WriteStateAsync();
        var conversation = GrainFactory.GetGrain<IConversationGrain>(conversationId);
        await conversation.StartAsync(new StartConversation(command.WorkspaceId, null, channel.Id, this.GetPrimaryKeyString(), State.DisplayName, State.Locale, State.Variables));
        var result = await SendOrStartNewAsync(conversationId, new CustomerMessage(this.GetPrimaryKeyString(), null, command.Text, command.Attachment, command.ExternalId));
        return new InboundResult(result.Message.ConversationId, result.Message, result.Duplicate);
    }

    public Task EnsureOwnsAsync(string conversationId)
    {
        RequireOwner(conversationId);
        return Task.CompletedTask;
    }

    public Task<ContactView> GetAsync() => Task.FromResult(ToView());

    public async Task<ContactView> UpdateAsync(ContactProfileUpdate update)
    {
        ContactLimits.CheckMerge(State.Variables, update.Variables, "variables");
        ContactLimits.CheckMerge(State.CustomFields, update.CustomFields, "customFields");
        State.DisplayName = update.DisplayName ?? State.DisplayName;
        State.Email = update.Email ?? State.Email;
        State.Locale = update.Locale ?? State.Locale;
        Merge(State.Variables, update.Variables);
        Merge(State.CustomFields, update.CustomFields);
        await state.WriteStateAsync();
        return ToView();
    }

    public async Task ConnectedAsync()
    {
        _connections++;
        if (_connections == 1)
        {
            await PublishPresenceAsync(online: true);
        }
    }

    public async Task DisconnectedAsync()
    {
        if (_connections == 0)
        {
            return;
        }

        _connections--;
        if (_connections == 0)
        {
            await PublishPresenceAsync(online: false);
        }
    }

    private async Task<SendResult> SendOrStartNewAsync(string conversationId, CustomerMessage message)
    {
        try
        {
            return await GrainFactory.GetGrain<IConversationGrain>(conversationId).SendAsCustomerAsync(message);
        }
        catch (DomainException e) when (e.Code == DomainErrors.ConversationClosed)
        {
            // The scope's reopen policy is "new conversation": the customer's words start the next one.
            var scope = State.ConversationScopes[conversationId];
            var next = NewConversation(scope);
            await state.WriteStateAsync();
            var conversation = GrainFactory.GetGrain<IConversationGrain>(next);
            var scopeId = scope[(scope.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var isSite = scope.StartsWith("site:", StringComparison.Ordinal);
            await conversation.StartAsync(new StartConversation(
                State.WorkspaceId!,
                isSite ? scopeId : null,
                isSite ? null : scopeId,
                this.GetPrimaryKeyString(),
                State.DisplayName,
                State.Locale,
                State.Variables));
            return await conversation.SendAsCustomerAsync(message);
        }
    }

    private async Task<string> OpenConversationAsync(string scope, ReopenPolicy policy, bool reuse)
    {
        if (reuse && State.OpenConversations.TryGetValue(scope, out var existing))
        {
            var current = await GrainFactory.GetGrain<IConversationGrain>(existing).GetStateAsync();
            if (current.Status != ConversationStatus.Closed || policy == ReopenPolicy.Reopen)
            {
                return existing;
            }
        }

        return NewConversation(scope);
    }

    private string NewConversation(string scope)
    {
        var id = Guid.NewGuid().ToString("N");
        State.OpenConversations[scope] = id;
        State.ConversationScopes[id] = scope;
        return id;
    }

    private void Verify(SiteConfig site, VerifiedIdentity identity)
    {
        if (site.IdentitySecret is null)
        {
            throw new DomainException(DomainErrors.InvalidArgument, $"Site '{site.Id}' has no identity-verification secret; identity cannot be verified.");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(site.IdentitySecret), Encoding.UTF8.GetBytes(identity.UserId));
        var given = TryFromHex(identity.Hash);
        if (given is null || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw new DomainException(DomainErrors.Forbidden, $"The identity hash for user '{identity.UserId}' does not verify on site '{site.Id}'.");
        }

        if (State.VerifiedUserId is { } known && known != identity.UserId)
        {
            throw new DomainException(DomainErrors.Forbidden, $"Contact '{this.GetPrimaryKeyString()}' is already verified as another user than '{identity.UserId}'.");
        }

        State.VerifiedUserId = identity.UserId;
        State.Email = identity.Email ?? State.Email;
        State.DisplayName = identity.Name ?? State.DisplayName;
    }

    private static byte[]? TryFromHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private void BindWorkspace(string workspaceId)
    {
        if (State.WorkspaceId is { } bound && bound != workspaceId)
        {
            throw new DomainException(DomainErrors.Forbidden, $"Contact '{this.GetPrimaryKeyString()}' belongs to another workspace than '{workspaceId}'.");
        }

        State.WorkspaceId = workspaceId;
    }

    private void RequireOwner(string conversationId)
    {
        if (!State.ConversationScopes.ContainsKey(conversationId))
        {
            throw new DomainException(DomainErrors.NotOwner, $"Contact '{this.GetPrimaryKeyString()}' does not own conversation '{conversationId}'.");
        }
    }

    private async Task PublishPresenceAsync(bool online)
    {
        if (State.WorkspaceId is null)
        {
            return;
        }

        var open = State.OpenConversations.Values.ToList();
        events.Publish(new ContactPresenceChanged(State.WorkspaceId, this.GetPrimaryKeyString(), online, open));
        foreach (var conversationId in open)
        {
            await GrainFactory.GetGrain<IConversationGrain>(conversationId).SetContactOnlineAsync(online);
        }
    }

    private string PseudonymNumber() =>
        (BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(this.GetPrimaryKeyString())), 0) % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static void Merge(Dictionary<string, string> target, IReadOnlyDictionary<string, string>? source)
    {
        foreach (var (key, value) in source ?? new Dictionary<string, string>())
        {
            target[key] = value;
        }
    }

    private ContactView ToView() => new(
        this.GetPrimaryKeyString(),
        State.WorkspaceId,
        State.DisplayName,
        State.Email,
        State.Locale,
        State.VerifiedUserId,
        [.. State.VisitorTokens],
        new Dictionary<string, string>(State.ExternalIds),
        new Dictionary<string, string>(State.Variables),
        new Dictionary<string, string>(State.CustomFields),
        _connections > 0,
        new Dictionary<string, string>(State.OpenConversations),
        [.. State.ConversationScopes.Keys]);
}
