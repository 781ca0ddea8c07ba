import { ApiError, get, post, query } from './api';
import { ConsoleHub, hubErrorText } from './hub';
import { t } from './i18n';
import { PagedList } from './logic/paged-list';
import type { AgentRef, AgentStatus, ConversationSummary, Filter, ListQuery, Message, Snippet, View } from './logic/types';
import { Alerts } from './alerts';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: 'agent' | 'supervisor' | 'botmaster' | 'admin';
  workspaceId: string;
}

export interface Site {
  id: string;
  name: string;
}

export interface Counters {
  waiting: number;
  unassigned: number;
  unread: number;
  mine: number;
}

export interface Detail extends ConversationSummary {
  contact: ConversationSummary['contact'] & { variables: Record<string, string> };
  participants: { id: string; name: string; avatarUrl?: string | null }[];
  teamId?: string | null;
  lastSeq: number;
}

export interface Contact {
  id: string;
  displayName: string;
  email?: string | null;
  locale?: string | null;
  online: boolean;
  variables: Record<string, string>;
  customFields: Record<string, string>;
  conversations: ConversationSummary[];
}

export interface Colleague {
  id: string;
  displayName: string;
  avatarUrl?: string | null;
  status: AgentStatus;
  activeConversations: number;
  capacity: number;
  load: number;
  teams: string[];
}

const PAGE = 100;

/** Everything the console shows, fed by REST and the console hub; components re-render on `change`. */
export class Store extends EventTarget {
  me: Me | null = null;
  hub: ConsoleHub | null = null;
  sites: Site[] = [];
  agentSites: string[] | null = null;
  showBot = false;
  avatarUrl: string | null = null;
  status: AgentStatus = 'offline';
  counters: Counters = { waiting: 0, unassigned: 0, unread: 0, mine: 0 };
  view: View = 'live';
  filter: Filter = 'all';
  siteId: string | null = null;
  search = '';
  list: PagedList = new PagedList({ view: 'live', filter: 'all', agentId: '' });
  loadingPage = false;
  selectedId: string | null = null;
  detail: Detail | null = null;
  messages: Message[] = [];
  hasOlder = false;
  contact: Contact | null = null;
  viewers: AgentRef[] = [];
  typing: string | null = null;
  customerReadUpTo = 0;
  snippets: Snippet[] = [];
  teams: { id: string; name: string; agentIds: string[] }[] = [];
  error: string | null = null;
  readonly alerts = new Alerts();
  private typingTimer: number | undefined;
  private searchTimer: number | undefined;
  private listToken = 0;

  changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  get isSupervisor(): boolean {
    return this.me?.role === 'supervisor' || this.me?.role === 'botmaster' || this.me?.role === 'admin';
  }

  /** Admins and botmasters train and publish the assistants. */
  get isBotmaster(): boolean {
    return this.me?.role === 'botmaster' || this.me?.role === 'admin';
  }

  get isAdmin(): boolean {
    return this.me?.role === 'admin';
  }

  get mySites(): Site[] {
    return this.agentSites ? this.sites.filter((s) => this.agentSites!.includes(s.id)) : this.sites;
  }

  fail(error: unknown): void {
    this.error = error instanceof ApiError ? error.message : hubErrorText(error);
    this.changed();
  }

  async loadSession(): Promise<boolean> {
    try {
      this.me = await get<Me>('/api/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        this.me = null;
        return false;
      }
      throw e;
    }
    const [sites, self, snippets, teams] = await Promise.all([
      get<Site[]>('/api/me/sites'),
      get<{ allowedSiteIds: string[] | null; showBotConversations: boolean; status: AgentStatus; avatarUrl: string | null }>(`/api/agents/${encodeURIComponent(this.me.id)}`),
      get<Snippet[]>('/api/snippets'),
      get<{ id: string; name: string; agentIds: string[] }[]>('/api/teams'),
    ]);
    this.sites = sites;
    this.agentSites = self.allowedSiteIds;
    this.showBot = self.showBotConversations;
    this.status = self.status;
    this.avatarUrl = self.avatarUrl;
    this.snippets = snippets;
    this.teams = teams;
    await this.connect();
    await this.reloadList();
    return true;
  }

  async signOut(): Promise<void> {
    await this.hub?.stop();
    await post('/api/auth/logout');
    location.hash = '';
    location.reload();
  }

  private async connect(): Promise<void> {
    const hub = new ConsoleHub();
    this.hub = hub;
    hub.on<ConversationSummary>('conversation', (s) => this.onConversation(s));
    hub.on<Message>('message', (m) => this.onMessage(m));
    hub.on<Counters>('counters', (c) => {
      this.counters = c;
      this.alerts.setWaiting(c.waiting);
      this.changed();
    });
    hub.on<{ kind: string; conversationId: string; title: string; body: string }>('notification', (n) => {
      this.alerts.notify(n, () => (location.hash = `#/conversations/${encodeURIComponent(n.conversationId)}`));
      this.changed();
    });
    hub.on<{ conversationId: string; author: { kind: string; name: string }; isTyping: boolean }>('typing', (e) => {
      if (e.conversationId !== this.selectedId || e.author.kind !== 'customer') return;
      this.typing = e.isTyping ? e.author.name : null;
      this.changed();
    });
    hub.on<{ agentId: string; status: AgentStatus }>('presence', (p) => {
      if (p.agentId === this.me?.id) this.status = p.status;
      this.dispatchEvent(new Event('presence'));
      this.changed();
    });
    hub.on<{ contactId: string; online: boolean }>('contactPresence', (p) => {
      this.list.patch((s) => s.contact.id === p.contactId, (s) => ({ ...s, contact: { ...s.contact, online: p.online } }));
      if (this.detail?.contact.id === p.contactId) this.detail = { ...this.detail, contact: { ...this.detail.contact, online: p.online } };
      this.changed();
    });
    hub.on<{ conversationId: string; upToSeq: number }>('read', (r) => {
      if (r.conversationId !== this.selectedId || r.upToSeq <= this.customerReadUpTo) return;
      this.customerReadUpTo = r.upToSeq;
      this.changed();
    });
    hub.on<{ conversationId: string; agents: AgentRef[] }>('viewers', (v) => {
      if (v.conversationId !== this.selectedId) return;
      this.viewers = v.agents;
      this.changed();
    });
    hub.onReconnected(() => {
      void this.reloadList();
      if (this.selectedId) void this.select(this.selectedId, true);
    });
    await hub.start();
  }

  // ---- lists -------------------------------------------------------------------------------------

  setView(view: View): void {
    this.view = view;
    if (view !== 'live' && (this.filter === 'unassigned' || this.filter === 'unread')) this.filter = 'all';
    void this.reloadList();
  }

  setFilter(filter: Filter): void {
    this.filter = filter;
    void this.reloadList();
  }

  setSite(siteId: string | null): void {
    this.siteId = siteId;
    void this.reloadList();
  }

  setSearch(text: string): void {
    this.search = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => void this.reloadList(), 250);
  }

  private currentQuery(): ListQuery {
    return { view: this.view, filter: this.filter, siteId: this.siteId, q: this.search, agentId: this.me?.id ?? '' };
  }

  async reloadList(): Promise<void> {
    this.list = new PagedList(this.currentQuery());
    this.loadingPage = false;
    this.listToken++;
    this.changed();
    await this.loadMore();
  }

  async loadMore(): Promise<void> {
    if (this.loadingPage || !this.list.hasMore) return;
    const list = this.list;
    const token = this.listToken;
    this.loadingPage = true;
    this.changed();
    try {
      const q = list.query;
      const page = await get<{ items: ConversationSummary[]; nextCursor?: string | null }>(
        `/api/conversations${query({ view: q.view, filter: q.filter, siteId: q.siteId, q: q.q, cursor: list.nextCursor, limit: PAGE })}`,
      );
      if (token !== this.listToken) return;
      list.appendPage(page.items, page.nextCursor);
    } catch (e) {
      this.fail(e);
    } finally {
      if (token === this.listToken) this.loadingPage = false;
      this.changed();
    }
  }

  private onConversation(summary: ConversationSummary): void {
    this.list.apply(summary);
    if (this.detail && summary.id === this.detail.id) {
      this.detail = { ...this.detail, ...summary, contact: { ...this.detail.contact, ...summary.contact } };
    }
    this.changed();
  }

  // ---- the open conversation --------------------------------------------------------------------

  async select(id: string | null, force = false): Promise<void> {
    if (id === this.selectedId && !force) return;
    const previous = this.selectedId;
    if (previous && previous !== id && this.hub?.connected) void this.hub.invoke('unwatch', { conversationId: previous }).catch(() => undefined);
    this.selectedId = id;
    this.detail = null;
    this.messages = [];
    this.contact = null;
    this.viewers = [];
    this.typing = null;
    this.customerReadUpTo = 0;
    if (location.hash !== (id ? `#/conversations/${encodeURIComponent(id)}` : '') && id) history.replaceState(null, '', `#/conversations/${encodeURIComponent(id)}`);
    this.changed();
    if (!id) return;
    try {
      const [detail, messages] = await Promise.all([
        get<Detail>(`/api/conversations/${encodeURIComponent(id)}`),
        get<Message[]>(`/api/conversations/${encodeURIComponent(id)}/messages?limit=50`),
      ]);
      if (this.selectedId !== id) return;
      this.detail = detail;
      this.messages = [...messages].sort((a, b) => a.seq - b.seq);
      this.hasOlder = messages.length === 50 && (this.messages[0]?.seq ?? 1) > 1;
      this.changed();
      await this.hub?.invoke('watch', { conversationId: id });
      void this.markRead();
      void this.loadContact();
    } catch (e) {
      this.fail(e);
    }
  }

  async loadContact(): Promise<void> {
    if (!this.detail) return;
    const id = this.detail.id;
    try {
      const contact = await get<Contact>(`/api/contacts/${encodeURIComponent(this.detail.contact.id)}`);
      if (this.selectedId === id) {
        this.contact = contact;
        this.changed();
      }
    } catch {
      // The side panel stays with what the conversation detail gave.
    }
  }

  async loadOlder(): Promise<void> {
    if (!this.selectedId || !this.hasOlder || this.messages.length === 0) return;
    const id = this.selectedId;
    const before = this.messages[0].seq;
    const older = await get<Message[]>(`/api/conversations/${encodeURIComponent(id)}/messages?beforeSeq=${before}&limit=50`);
    if (this.selectedId !== id) return;
    const known = new Set(this.messages.map((m) => m.id));
    this.messages = [...older.filter((m) => !known.has(m.id)), ...this.messages].sort((a, b) => a.seq - b.seq);
    this.hasOlder = older.length === 50 && (this.messages[0]?.seq ?? 1) > 1;
    this.changed();
  }

  private onMessage(message: Message): void {
    if (message.conversationId === this.selectedId && !this.messages.some((m) => m.id === message.id)) {
      this.messages = [...this.messages, message].sort((a, b) => a.seq - b.seq);
      if (message.author.kind === 'customer') this.typing = null;
      if (!document.hidden) void this.markRead();
      this.changed();
    }
  }

  async markRead(): Promise<void> {
    const last = this.messages[this.messages.length - 1];
    if (!this.selectedId || !last || !this.hub?.connected) return;
    try {
      await this.hub.invoke('markRead', { conversationId: this.selectedId, upToSeq: last.seq });
    } catch {
      // Reading is best effort: an agent not allowed to mark simply keeps the unread count.
    }
  }

  async send(kind: 'reply' | 'note', text: string, attachmentId?: string): Promise<boolean> {
    if (!this.selectedId || !this.hub) return false;
    try {
      const message = await this.hub.invoke<Message>(kind, { conversationId: this.selectedId, clientMessageId: crypto.randomUUID(), text: text || null, attachmentId });
      this.onMessage(message);
      this.error = null;
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  sendTyping(isTyping: boolean): void {
    if (!this.selectedId || !this.hub?.connected) return;
    clearTimeout(this.typingTimer);
    void this.hub.invoke('typing', { conversationId: this.selectedId, isTyping }).catch(() => undefined);
    if (isTyping) this.typingTimer = window.setTimeout(() => this.sendTyping(false), 4000);
  }

  async act(method: 'take' | 'close' | 'reopen' | 'returnToBot' | 'assign' | 'transfer', extra: Record<string, string> = {}): Promise<boolean> {
    if (!this.selectedId || !this.hub) return false;
    try {
      const summary = await this.hub.invoke<ConversationSummary>(method, { conversationId: this.selectedId, ...extra });
      this.onConversation(summary);
      this.error = null;
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  async setStatus(status: AgentStatus): Promise<void> {
    try {
      await this.hub?.invoke('setStatus', { status });
      this.status = status;
      this.changed();
    } catch (e) {
      this.fail(e);
    }
  }

  async colleagues(siteId?: string): Promise<Colleague[]> {
    return get<Colleague[]>(`/api/agents/online${query({ siteId })}`);
  }

  variablesForSnippets(): Record<string, string> {
    const name = this.detail?.contact.displayName ?? '';
    return {
      name,
      displayName: name,
      PRENOM: this.detail?.contact.variables?.PRENOM ?? this.detail?.contact.variables?.prenom ?? name,
      agent: this.me?.displayName ?? '',
      ...(this.contact?.customFields ?? {}),
      ...(this.contact?.variables ?? {}),
      ...(this.detail?.contact.variables ?? {}),
      ...(this.contact?.email ? { email: this.contact.email } : {}),
    };
  }
}

export const store = new Store();
export { t };
