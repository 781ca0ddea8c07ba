import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { createHubConnection, hubErrorMessage, reconnectDelay } from '../shared/hub';
import type { AgentRef, ConversationState, HelpOffer, Message, QueueInfo, ReadInfo, StartResult, TypingInfo } from '../shared/types';
import type { WidgetIdentity } from './api';
import { newClientMessageId, Outbox, type OutboxEntry, type SendOutcome } from './outbox';
import type { KeyValueStore } from './storage';
import { catchUp, hasGapBefore, lastSeq, mergeMessages } from './timeline';
import { TokenStore } from './token-store';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/** Everything the window renders, replaced (never mutated) on every change. */
export interface SessionView {
  connection: ConnectionStatus;
  online: boolean;
  conversationId?: string;
  state?: ConversationState;
  messages: Message[];
  outbox: readonly OutboxEntry[];
  queue?: QueueInfo;
  typing?: string;
  helpOffer?: AgentRef;
  /** The agent has read the customer's messages up to this seq. */
  readUpTo: number;
  rated: boolean;
  error?: string;
}

export interface SessionOptions {
  serverUrl: string;
  siteId: string;
  locale: string;
  store: KeyValueStore;
}

const typingTimeoutMs = 8_000;
const unavailableRetryMs = 1_000;
const typingRefreshMs = 3_000;

/** One visitor's conversation with the server: connects lazily, resumes with the stored token,
 * reconnects with backoff, catches up by seq, and sends through a persistent outbox. */
export class ChatSession {
  private readonly tokens: TokenStore;
  private readonly outbox: Outbox;
  private readonly listeners = new Set<(view: SessionView) => void>();
  private readonly messageListeners = new Set<(message: Message) => void>();
  private connection?: HubConnection;
  private connecting?: Promise<void>;
  private wake?: () => void;
  private variables: Record<string, string> = {};
  private identity?: WidgetIdentity;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private lastTypingSent = 0;
  private markedRead = 0;
  private current: SessionView;

  constructor(private readonly options: SessionOptions) {
    this.tokens = new TokenStore(options.store, options.siteId);
    this.outbox = new Outbox(options.store, `conversations.widget.${options.siteId}.outbox`);
    const record = this.tokens.read();
    this.current = {
      connection: 'idle',
      online: typeof navigator === 'undefined' ? true : navigator.onLine !== false,
      conversationId: record?.conversationId,
      messages: [],
      outbox: this.outbox.entries,
      readUpTo: 0,
      rated: false,
    };
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => this.setOnline(true));
      window.addEventListener('offline', () => this.setOnline(false));
      // Another tab started the conversation: follow it live here too.
      window.addEventListener('storage', (event) => {
        if (event.key === this.tokens.storageKey && this.tokens.hasConversation()) void this.connect();
      });
    }
  }

  get view(): SessionView {
    return this.current;
  }

  /** True when a conversation exists for this visitor, so the widget connects without being opened. */
  get hasConversation(): boolean {
    return this.tokens.hasConversation();
  }

  get siteId(): string {
    return this.options.siteId;
  }

  get visitorToken(): string | undefined {
    return this.tokens.read()?.visitorToken;
  }

  subscribe(listener: (view: SessionView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onMessage(listener: (message: Message) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Connects (once) and starts or resumes the conversation; retries for as long as it takes. */
  connect(): Promise<void> {
    this.connecting ??= this.connectLoop();
    return this.connecting;
  }

  setVariables(variables: Record<string, string>): void {
    this.variables = { ...this.variables, ...variables };
    if (this.current.connection === 'connected') void this.start().catch((error) => this.fail(error));
  }

  identify(identity: WidgetIdentity): void {
    this.identity = identity;
    if (this.current.connection === 'connected') void this.start().catch((error) => this.fail(error));
  }

  /** Queues a message and sends it now if connected; it stays "sending" until the server stored it. */
  send(text: string, attachment?: OutboxEntry['attachment']): void {
    const trimmed = text.trim();
    if (!trimmed && !attachment) return;
    // Before the first start there is no conversation id yet; start gives the entry its conversation.
    this.outbox.add({ clientMessageId: newClientMessageId(), conversationId: this.current.conversationId ?? '', text: trimmed || undefined, attachment });
    this.typing(false);
    this.update({ outbox: this.outbox.entries });
    void this.connect().then(() => this.flush());
  }

  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
    this.update({ outbox: this.outbox.entries });
    void this.flush();
  }

  async choose(optionId: string): Promise<void> {
    const conversationId = this.current.conversationId;
    if (!conversationId) return;
    await this.call<Message>('choose', { conversationId, clientMessageId: newClientMessageId(), optionId }).then((m) => this.receive(m));
  }

  requestAgent = () => this.changeState('requestAgent');
  returnToBot = () => this.changeState('returnToBot');
  acceptHelp = () => this.changeState('acceptHelp').then(() => this.update({ helpOffer: undefined }));

  /** Tells the agent the customer is typing: at most every few seconds while typing, once when done. */
  typing(isTyping: boolean): void {
    const conversationId = this.current.conversationId;
    if (!conversationId || this.current.connection !== 'connected') return;
    const now = Date.now();
    if (isTyping && now - this.lastTypingSent < typingRefreshMs) return;
    if (!isTyping && this.lastTypingSent === 0) return;
    this.lastTypingSent = isTyping ? now : 0;
    this.connection?.send('typing', { conversationId, isTyping }).catch(() => undefined);
  }

  /** Marks everything shown as read, once per new seq. */
  markRead(): void {
    const conversationId = this.current.conversationId;
    const upToSeq = lastSeq(this.current.messages);
    if (!conversationId || upToSeq <= this.markedRead || this.current.connection !== 'connected') return;
    this.markedRead = upToSeq;
    this.connection?.send('markRead', { conversationId, upToSeq }).catch(() => (this.markedRead = 0));
  }

  async rate(score: number, comment?: string): Promise<void> {
    const conversationId = this.current.conversationId;
    if (!conversationId) return;
    await this.call('rate', { conversationId, score, comment: comment?.trim() || undefined });
    this.update({ rated: true });
  }

  /** After a close: start again, which gives a new conversation. */
  async startNew(): Promise<void> {
    this.update({ messages: [], state: undefined, queue: undefined, helpOffer: undefined, rated: false, readUpTo: 0, typing: undefined });
    this.markedRead = 0;
    await this.start();
  }

  private async changeState(method: 'requestAgent' | 'returnToBot' | 'acceptHelp'): Promise<void> {
    const conversationId = this.current.conversationId;
    if (!conversationId) return;
    const state = await this.call<ConversationState>(method, { conversationId });
    this.applyState(state);
  }

  private async call<T = void>(method: string, argument: unknown): Promise<T> {
    await this.connect();
    try {
      return await this.connection!.invoke<T>(method, argument);
    } catch (error) {
      this.fail(error);
      throw error;
    }
  }

  private async connectLoop(): Promise<void> {
    const connection = (this.connection ??= this.createConnection());
    for (let attempt = 0; ; attempt++) {
      if (!this.current.online) {
        this.update({ connection: 'reconnecting' });
        await this.pause(60_000);
        continue;
      }
      this.update({ connection: attempt === 0 && this.current.connection === 'idle' ? 'connecting' : 'reconnecting' });
      try {
        if (connection.state === HubConnectionState.Disconnected) await connection.start();
        await this.start();
        this.update({ connection: 'connected', error: undefined });
        void this.flush();
        return;
      } catch (error) {
        // A refused start (bad token, unknown site) is not a network problem: report it, keep retrying.
        if (connection.state === HubConnectionState.Connected) this.fail(error);
        await this.pause(reconnectDelay(attempt + 1));
      }
    }
  }

  private createConnection(): HubConnection {
    const connection = createHubConnection(new URL('/hubs/widget', this.options.serverUrl).href);
    connection.on('message', (message: Message) => this.receive(message));
    connection.on('state', (state: ConversationState) => this.applyState(state));
    connection.on('queue', (queue: QueueInfo) => this.isCurrent(queue) && this.update({ queue }));
    connection.on('typing', (typing: TypingInfo) => this.onTyping(typing));
    connection.on('helpOffered', (offer: HelpOffer) => this.isCurrent(offer) && this.update({ helpOffer: offer.agent }));
    connection.on('read', (read: ReadInfo) => this.isCurrent(read) && this.update({ readUpTo: Math.max(this.current.readUpTo, read.upToSeq) }));
    connection.onclose(() => {
      this.connecting = undefined;
      void this.connect();
    });
    return connection;
  }

  /** start (or resume) the conversation, then fetch whatever was missed since the last seq held. */
  private async start(): Promise<void> {
    const record = this.tokens.read();
    const argument = {
      siteId: this.options.siteId,
      visitorToken: record?.visitorToken,
      locale: this.options.locale,
      variables: Object.keys(this.variables).length ? this.variables : undefined,
      identity: this.identity,
    };
    let result: StartResult;
    try {
      result = await this.connection!.invoke<StartResult>('start', argument);
    } catch (error) {
      // A token the server no longer accepts (another site, rotated keys): start over as a new visitor.
      if (record && hubErrorMessage(error).includes('visitorToken')) {
        this.tokens.clear();
        result = await this.connection!.invoke<StartResult>('start', { ...argument, visitorToken: undefined });
      } else {
        throw error;
      }
    }

    const switched = result.conversationId !== this.current.conversationId;
    this.tokens.write({ visitorToken: result.visitorToken, conversationId: result.conversationId });
    // Whatever was typed before (offline, before the first start, into a closed conversation) goes here.
    this.outbox.moveTo(result.conversationId);
    const base = switched ? [] : this.current.messages;
    const held = lastSeq(base);
    this.update({
      conversationId: result.conversationId,
      outbox: this.outbox.entries,
      messages: mergeMessages(base, result.messages),
      rated: switched ? false : this.current.rated,
    });
    this.applyState(result.state);
    this.acknowledgeSeen(result.messages);
    if (held > 0) await this.catchUpFrom(held);
  }

  private async catchUpFrom(afterSeq: number): Promise<void> {
    const conversationId = this.current.conversationId!;
    const missed = await catchUp(afterSeq, (beforeSeq) =>
      this.connection!.invoke<Message[]>('history', { conversationId, beforeSeq, limit: 100 }),
    );
    if (conversationId !== this.current.conversationId) return;
    this.update({ messages: mergeMessages(this.current.messages, missed) });
    this.acknowledgeSeen(missed);
  }

  private receive(message: Message): void {
    if (message.conversationId !== this.current.conversationId) return;
    if (message.kind === 'note') return;
    const known = this.current.messages.some((m) => m.seq === message.seq);
    const gap = hasGapBefore(this.current.messages, message);
    this.update({ messages: mergeMessages(this.current.messages, [message]) });
    this.acknowledgeSeen([message]);
    if (message.author.kind !== 'customer' && this.current.typing) this.update({ typing: undefined });
    if (!known) for (const listener of this.messageListeners) listener(message);
    if (gap) void this.catchUpFrom(lastSeq(this.current.messages.filter((m) => m.seq < message.seq))).catch(() => undefined);
  }

  // A message of ours seen in the timeline needs no more sending, whichever tab sent it.
  private acknowledgeSeen(messages: readonly Message[]): void {
    let changed = false;
    for (const message of messages) {
      if (message.clientMessageId && this.outbox.acknowledge(message.clientMessageId)) changed = true;
    }
    if (changed) this.update({ outbox: this.outbox.entries });
  }

  private applyState(state: ConversationState): void {
    if (state.conversationId !== this.current.conversationId) return;
    this.update({
      state,
      queue: state.status === 'waiting' ? this.current.queue : undefined,
      helpOffer: state.status === 'bot' ? this.current.helpOffer : undefined,
    });
  }

  private onTyping(typing: TypingInfo): void {
    if (!this.isCurrent(typing) || typing.author.kind === 'customer') return;
    clearTimeout(this.typingTimer);
    this.update({ typing: typing.isTyping ? typing.author.name : undefined });
    if (typing.isTyping) this.typingTimer = setTimeout(() => this.update({ typing: undefined }), typingTimeoutMs);
  }

  private flush(): Promise<void> {
    if (this.current.connection !== 'connected') return Promise.resolve();
    return this.outbox
      .flush((entry) => this.deliver(entry))
      .finally(() => this.update({ outbox: this.outbox.entries }));
  }

  private async deliver(entry: OutboxEntry): Promise<SendOutcome> {
    const connection = this.connection;
    if (!connection || connection.state !== HubConnectionState.Connected) return 'transient';
    try {
      const message = await connection.invoke<Message>('send', {
        conversationId: entry.conversationId,
        clientMessageId: entry.clientMessageId,
        text: entry.text,
        attachmentId: entry.attachment?.id,
      });
      // Writing into a closed conversation may start a new one: follow it.
      if (message.conversationId !== this.current.conversationId) {
        this.tokens.write({ visitorToken: this.visitorToken!, conversationId: message.conversationId });
        this.update({ conversationId: message.conversationId, messages: [], state: undefined, rated: false });
        this.outbox.moveTo(message.conversationId);
        await this.start();
      }
      this.receive(message);
      return 'sent';
    } catch (error) {
      if (connection.state !== HubConnectionState.Connected) return 'transient';
      const message = hubErrorMessage(error);
      // A node of the cluster went away during the send (the server already retried): the same
      // clientMessageId again in a moment is stored once, so keep the message queued rather than failed.
      if (message.startsWith('unavailable:')) {
        setTimeout(() => void this.flush(), unavailableRetryMs);
        return 'transient';
      }
      return { failed: message };
    }
  }

  private setOnline(online: boolean): void {
    this.update({ online });
    if (!online) {
      // Browsers keep a dead socket open for a long while; drop it now so the outbox takes over.
      if (this.connection && this.connection.state !== HubConnectionState.Disconnected) void this.connection.stop();
    } else {
      this.wake?.();
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private isCurrent(payload: { conversationId: string }): boolean {
    return payload.conversationId === this.current.conversationId;
  }

  private fail(error: unknown): void {
    this.update({ error: hubErrorMessage(error) });
  }

  private update(change: Partial<SessionView>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
