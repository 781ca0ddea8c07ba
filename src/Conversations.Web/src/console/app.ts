import { LitElement, html, nothing } from 'lit';
import { ApiError, post } from './api';
import { locale, onLocaleChange, setLocale, t, type Locale } from './i18n';
import type { AgentStatus, Filter, View } from './logic/types';
import { store } from './store';
import { renderList, ROW_HEIGHT } from './views/list';
import { ConversationView } from './views/conversation';
import { renderSide } from './views/side';
import './views/admin';
import './views/floor';
import './views/assistants';
import './views/knowledge';
import { ta } from './assistants/strings';

type Route = { page: 'conversations' | 'floor' | 'admin' | 'assistants' | 'knowledge'; view?: View; conversationId?: string; adminTab?: string; assistantId?: string };

function parseRoute(): Route {
  // A deep link without a hash (/console/conversations/{id}) means the same as its hash route.
  const path = /^\/console\/(.+)$/.exec(location.pathname);
  if (!location.hash && path) history.replaceState(null, '', `/console/#/${path[1]}`);
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  switch (parts[0]) {
    case 'closed':
      return { page: 'conversations', view: 'closed' };
    case 'chatbot':
      return { page: 'conversations', view: 'bot' };
    case 'floor':
      return { page: 'floor' };
    case 'admin':
      return { page: 'admin', adminTab: parts[1] || 'agents' };
    case 'assistants':
      return { page: 'assistants', assistantId: parts[1] || undefined };
    case 'knowledge':
      return { page: 'knowledge' };
    case 'conversations':
      return { page: 'conversations', conversationId: parts[1] };
    default:
      return { page: 'conversations', view: 'live' };
  }
}

/** The console: sign-in, then the menus, the list, the open conversation and its side panel. */
export class ConsoleApp extends LitElement {
  static override properties = { ready: { state: true }, signedIn: { state: true }, loginError: { state: true }, busy: { state: true } };

  ready = false;
  signedIn = false;
  loginError = '';
  busy = false;
  route: Route = parseRoute();
  listScrollTop = 0;
  listHeight = 600;
  readonly conversation = new ConversationView(this);

  override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = locale();
    store.addEventListener('change', () => this.requestUpdate());
    onLocaleChange(() => {
      store.alerts.setWaiting(store.counters.waiting);
      this.requestUpdate();
    });
    window.addEventListener('hashchange', () => this.applyRoute());
    window.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) void store.markRead();
    });
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      this.signedIn = await store.loadSession();
    } catch (e) {
      this.loginError = e instanceof ApiError ? e.message : t('networkError');
    }
    this.ready = true;
    if (this.signedIn) this.applyRoute();
  }

  private applyRoute(): void {
    this.route = parseRoute();
    if (this.route.page === 'conversations') {
      if (this.route.view && this.route.view !== store.view) store.setView(this.route.view);
      if (this.route.conversationId) void store.select(this.route.conversationId);
    }
    this.requestUpdate();
  }

  private async login(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this.busy = true;
    this.loginError = '';
    try {
      await post('/api/auth/login', { email: form.get('email'), password: form.get('password') });
      this.signedIn = await store.loadSession();
      this.applyRoute();
    } catch (error) {
      this.loginError =
        error instanceof ApiError ? (error.status === 429 ? t('rateLimited') : error.status === 401 ? t('badCredentials') : error.message) : t('networkError');
    } finally {
      this.busy = false;
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.signedIn || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    const typing = target.matches('input, textarea, select, [contenteditable]');
    if (e.key === 'Escape') {
      this.conversation.closePopups();
      if (typing) target.blur();
      return;
    }
    if (typing || this.route.page !== 'conversations') return;
    if (e.key === 'j' || e.key === 'k') {
      const items = store.list.items;
      const at = items.findIndex((s) => s.id === store.selectedId);
      const next = items[Math.max(0, Math.min(items.length - 1, at + (e.key === 'j' ? 1 : -1)))];
      if (next) {
        this.open(next.id);
        this.revealRow(items.indexOf(next));
      }
      e.preventDefault();
    } else if (e.key === 'r' || e.key === 'n') {
      this.conversation.focusComposer(e.key === 'r' ? 'reply' : 'note');
      e.preventDefault();
    }
  }

  open(id: string): void {
    location.hash = `#/conversations/${encodeURIComponent(id)}`;
  }

  revealRow(index: number): void {
    const scroller = this.querySelector<HTMLElement>('.vlist');
    if (!scroller) return;
    const top = index * ROW_HEIGHT;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
  }

  onListScroll(e: Event): void {
    const scroller = e.target as HTMLElement;
    this.listScrollTop = scroller.scrollTop;
    this.listHeight = scroller.clientHeight;
    if (scroller.scrollTop + scroller.clientHeight > scroller.scrollHeight - ROW_HEIGHT * 10) void store.loadMore();
    this.requestUpdate();
  }

  override render() {
    if (!this.ready) return html`<p class="centered">${t('loading')}</p>`;
    if (!this.signedIn) return this.renderLogin();
    return html`${this.renderHeader()}
      <main id="main" class="page-${this.route.page}">
        ${store.error ? html`<div class="error-banner" role="alert">${store.error} <button class="link" @click=${() => ((store.error = null), store.changed())}>×</button></div>` : nothing}
        ${this.renderPage()}
      </main>
      <div class="sr-only" aria-live="polite">${store.alerts.shown[0] ? `${store.alerts.shown[0].title}: ${store.alerts.shown[0].body}` : ''}</div>`;
  }

  private renderPage() {
    switch (this.route.page) {
      case 'floor':
        return html`<cv-floor></cv-floor>`;
      case 'admin':
        return html`<cv-admin .tab=${this.route.adminTab}></cv-admin>`;
      case 'assistants':
        return store.isBotmaster ? html`<cv-assistants .assistantId=${this.route.assistantId}></cv-assistants>` : nothing;
      case 'knowledge':
        return html`<cv-knowledge></cv-knowledge>`;
      default:
        return this.renderConversations();
    }
  }

  private renderLogin() {
    return html`<main class="login">
      <form class="card" @submit=${(e: SubmitEvent) => this.login(e)} aria-labelledby="login-title">
        <h1 id="login-title">${t('appName')}</h1>
        ${this.languageSwitch()}
        <label>${t('email')} <input name="email" type="email" autocomplete="username" required autofocus /></label>
        <label>${t('password')} <input name="password" type="password" autocomplete="current-password" required /></label>
        ${this.loginError ? html`<p class="error" role="alert">${this.loginError}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('signIn')}</button>
      </form>
    </main>`;
  }

  private languageSwitch() {
    return html`<label class="lang">${t('language')}
      <select @change=${(e: Event) => setLocale((e.target as HTMLSelectElement).value as Locale)} aria-label=${t('language')}>
        <option value="en" ?selected=${locale() === 'en'}>English</option>
        <option value="fr" ?selected=${locale() === 'fr'}>Français</option>
      </select></label>`;
  }

  private renderHeader() {
    const page = this.route.page;
    const view = store.view;
    const link = (href: string, label: string, current: boolean, extra: unknown = nothing) =>
      html`<a href=${href} class=${current ? 'current' : ''} aria-current=${current ? 'page' : 'false'}>${label}${extra}</a>`;
    const waiting = store.counters.waiting;
    return html`<header class="top">
      <span class="brand">${t('appName')}</span>
      <nav aria-label="menu">
        ${link('#/livechat', t('livechat'), page === 'conversations' && view === 'live', waiting > 0 ? html` <span class="badge orange" data-testid="waiting-badge" aria-label="${waiting} ${t('waiting')}">${waiting}</span>` : nothing)}
        ${link('#/closed', t('closed'), page === 'conversations' && view === 'closed')}
        ${store.showBot || store.isSupervisor ? link('#/chatbot', t('chatbot'), page === 'conversations' && view === 'bot') : nothing}
        ${store.isSupervisor ? link('#/floor', t('floor'), page === 'floor') : nothing}
        ${store.isBotmaster ? link('#/assistants', ta('assistants'), page === 'assistants') : nothing}
        ${link('#/knowledge', ta('knowledge'), page === 'knowledge')}
        ${store.isAdmin ? link('#/admin/agents', t('admin'), page === 'admin') : nothing}
      </nav>
      <div class="tools">
        <label class="status status-${store.status}"><span class="dot" aria-hidden="true"></span>
          <select aria-label=${t('status')} data-testid="status" @change=${(e: Event) => store.setStatus((e.target as HTMLSelectElement).value as AgentStatus)}>
            ${(['online', 'away', 'offline'] as const).map((s) => html`<option value=${s} ?selected=${store.status === s}>${t(s)}</option>`)}
          </select></label>
        <button class="icon" @click=${() => (store.alerts.toggleMute(), this.requestUpdate())} aria-pressed=${store.alerts.muted ? 'true' : 'false'} aria-label=${t('mute')}>${store.alerts.muted ? t('unmute') : t('mute')}</button>
        ${store.alerts.permission === 'default'
          ? html`<button class="icon" @click=${async () => (await store.alerts.requestPermission(), this.requestUpdate())} >${t('notifications')}</button>`
          : nothing}
        ${this.languageSwitch()}
        <span class="me">${store.me?.displayName}</span>
        <button @click=${() => store.signOut()}>${t('signOut')}</button>
      </div>
    </header>`;
  }

  private renderConversations() {
    const filters: Filter[] = store.view === 'live' ? ['all', 'unassigned', 'unread', 'mine'] : ['all', 'mine'];
    const sites = store.mySites;
    return html`<section class="list-pane" aria-label=${t(store.view === 'live' ? 'livechat' : store.view === 'closed' ? 'closed' : 'chatbot')}>
        <div class="filters" role="group" aria-label="filters">
          ${filters.map((f) => html`<button aria-pressed=${store.filter === f ? 'true' : 'false'} data-filter=${f} @click=${() => store.setFilter(f)}>${t(f)}${f === 'unread' && store.counters.unread ? html` <span class="badge green">${store.counters.unread}</span>` : nothing}${f === 'mine' && store.counters.mine ? html` <span class="count">${store.counters.mine}</span>` : nothing}</button>`)}
        </div>
        ${sites.length > 1
          ? html`<div class="tabs" role="tablist" aria-label=${t('sites')}>
              <button role="tab" aria-selected=${store.siteId === null ? 'true' : 'false'} @click=${() => store.setSite(null)}>${t('allSites')}</button>
              ${sites.map((s) => html`<button role="tab" aria-selected=${store.siteId === s.id ? 'true' : 'false'} data-site=${s.id} @click=${() => store.setSite(s.id)}>${s.name}</button>`)}
            </div>`
          : nothing}
        <input class="search" type="search" aria-label=${t('search')} placeholder=${t('search')} .value=${store.search} @input=${(e: Event) => store.setSearch((e.target as HTMLInputElement).value)} />
        ${renderList(this)}
        <p class="hint">${t('shortcuts')}</p>
      </section>
      <section class="conv-pane" aria-label=${t('contact')}>${this.conversation.render()}</section>
      <aside class="side-pane" aria-label=${t('variables')}>${renderSide()}</aside>`;
  }
}

customElements.define('cv-console', ConsoleApp);
