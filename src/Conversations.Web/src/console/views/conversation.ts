import { html, nothing } from 'lit';
import { upload } from '../api';
import { formatTime, t } from '../i18n';
import { filterSnippets, insertSnippet, slashQuery, substitute } from '../logic/snippets';
import type { Message, Snippet } from '../logic/types';
import { store, type Colleague } from '../store';
import { eye, initials } from './list';
import type { ConsoleApp } from '../app';

const UNDO_SECONDS = 5;

/** The open conversation: history, composer with "/" snippets and images, actions and dialogs. */
export class ConversationView {
  mode: 'reply' | 'note' = 'reply';
  draft = '';
  snippetQuery: string | null = null;
  snippetIndex = 0;
  dialog: null | { kind: 'transfer' | 'assign'; colleagues: Colleague[] } = null;
  closing: null | { id: string; left: number; timer: number } = null;
  dragging = false;
  sending = false;
  private lastRendered: string | null = null;
  private lastCount = 0;

  constructor(private readonly app: ConsoleApp) {}

  private update(): void {
    this.app.requestUpdate();
  }

  closePopups(): void {
    this.snippetQuery = null;
    this.dialog = null;
    this.update();
  }

  focusComposer(mode: 'reply' | 'note'): void {
    this.mode = mode;
    this.update();
    void this.app.updateComplete.then(() => this.app.querySelector<HTMLTextAreaElement>('.composer textarea')?.focus());
  }

  private get snippets(): Snippet[] {
    return this.snippetQuery === null ? [] : filterSnippets(store.snippets, this.snippetQuery, 8);
  }

  private onInput(e: Event): void {
    const box = e.target as HTMLTextAreaElement;
    this.draft = box.value;
    const slash = this.mode === 'reply' ? slashQuery(box.value, box.selectionStart) : null;
    this.snippetQuery = slash ? slash.query : null;
    this.snippetIndex = 0;
    if (this.mode === 'reply') store.sendTyping(box.value.length > 0);
    this.update();
  }

  private onKeyDown(e: KeyboardEvent): void {
    const box = e.target as HTMLTextAreaElement;
    const snippets = this.snippets;
    if (this.snippetQuery !== null && snippets.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        this.snippetIndex = (this.snippetIndex + (e.key === 'ArrowDown' ? 1 : snippets.length - 1)) % snippets.length;
        e.preventDefault();
        this.update();
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        this.insert(box, snippets[this.snippetIndex]!);
        return;
      }
    }
    if (e.key === 'Escape' && this.snippetQuery !== null) {
      this.snippetQuery = null;
      e.stopPropagation();
      this.update();
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void this.submit(box);
    }
  }

  private insert(box: HTMLTextAreaElement, snippet: Snippet): void {
    const text = substitute(snippet.text, store.variablesForSnippets());
    const next = insertSnippet(box.value, box.selectionStart, text);
    box.value = next.text;
    this.draft = next.text;
    box.setSelectionRange(next.caret, next.caret);
    this.snippetQuery = null;
    box.focus();
    this.update();
  }

  private async submit(box: HTMLTextAreaElement): Promise<void> {
    const text = box.value.trim();
    if (!text || this.sending) return;
    this.sending = true;
    const ok = await store.send(this.mode, text);
    this.sending = false;
    if (ok) {
      box.value = '';
      this.draft = '';
      if (this.mode === 'reply') store.sendTyping(false);
    }
    this.update();
  }

  private async sendImage(file: File | null | undefined): Promise<void> {
    if (!file) return;
    try {
      const uploaded = await upload(file);
      await store.send('reply', '', uploaded.id);
    } catch (e) {
      store.fail(e);
    }
  }

  private onPaste(e: ClipboardEvent): void {
    const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
    if (file) {
      e.preventDefault();
      void this.sendImage(file);
    }
  }

  private onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragging = false;
    const file = [...(e.dataTransfer?.files ?? [])].find((f) => f.type.startsWith('image/'));
    void this.sendImage(file);
    this.update();
  }

  private async openDialog(kind: 'transfer' | 'assign'): Promise<void> {
    try {
      const colleagues = (await store.colleagues(store.detail?.siteId)).filter((c) => kind === 'assign' || c.id !== store.me?.id);
      this.dialog = { kind, colleagues };
      this.update();
    } catch (e) {
      store.fail(e);
    }
  }

  private async choose(agentId?: string, teamId?: string): Promise<void> {
    const kind = this.dialog?.kind;
    this.dialog = null;
    if (kind === 'assign' && agentId) await store.act('assign', { agentId });
    else if (kind === 'transfer') await store.act('transfer', agentId ? { agentId } : { teamId: teamId! });
    this.update();
  }

  // Closing waits a few seconds so a misclick can be undone before anything reaches the customer.
  private startClose(): void {
    const id = store.selectedId;
    if (!id) return;
    this.cancelClose();
    const tick = () => {
      if (!this.closing) return;
      this.closing.left--;
      if (this.closing.left <= 0) {
        const conversationId = this.closing.id;
        this.closing = null;
        if (store.selectedId === conversationId) void store.act('close');
      } else {
        this.closing.timer = window.setTimeout(tick, 1000);
      }
      this.update();
    };
    this.closing = { id, left: UNDO_SECONDS, timer: window.setTimeout(tick, 1000) };
    this.update();
  }

  private cancelClose(): void {
    if (this.closing) clearTimeout(this.closing.timer);
    this.closing = null;
    this.update();
  }

  private afterRender(): void {
    // Keep the newest message in view when one arrives or a conversation opens.
    const count = store.messages.length;
    if (store.selectedId !== this.lastRendered || count > this.lastCount) {
      const scrollToEnd = store.selectedId !== this.lastRendered || this.lastCount === 0 || count - this.lastCount <= 3;
      this.lastRendered = store.selectedId;
      this.lastCount = count;
      if (scrollToEnd) {
        void this.app.updateComplete.then(() => {
          const history = this.app.querySelector<HTMLElement>('.history');
          if (history) history.scrollTop = history.scrollHeight;
        });
      }
    }
  }

  render() {
    const d = store.detail;
    if (!store.selectedId) return html`<p class="centered muted">${t('selectConversation')}</p>`;
    if (!d) return html`<p class="centered muted">${t('loading')}</p>`;
    this.afterRender();
    const mine = d.assignedAgent?.id === store.me?.id;
    const open = d.status !== 'closed';
    const viewers = store.viewers.filter((v) => v.id !== store.me?.id);
    const agent = d.assignedAgent;
    const agentAvatar = agent ? d.participants.find((p) => p.id === agent.id)?.avatarUrl ?? agent.avatarUrl : null;
    return html`<header class="conv-head">
        <div class="who">
          <h1>${d.contact.displayName}${d.contact.online ? html`<span class="online-dot inline" aria-label=${t('customerOnline')} title=${t('customerOnline')}></span>` : nothing}</h1>
          <span class="chip ${d.status === 'waiting' ? 'orange' : ''}" data-testid="conversation-status">${t(d.status === 'live' ? 'livechat' : d.status === 'bot' ? 'bot' : d.status === 'closed' ? 'closed' : 'waiting')}</span>
          ${d.monitored !== 'none' ? html`<span class="eye" role="img" aria-label=${t('monitored')} title=${t('monitored')}>${eye}</span>` : nothing}
          ${viewers.length > 0 ? html`<span class="viewers" data-testid="viewers">${t('alsoViewing', { names: viewers.map((v) => v.name).join(', ') })}</span>` : nothing}
        </div>
        <div class="actions">
          ${d.status === 'waiting' || d.status === 'bot' || (d.status === 'live' && !mine && store.isSupervisor) ? html`<button class="primary" @click=${() => store.act('take')}>${t('take')}</button>` : nothing}
          ${open && store.isSupervisor ? html`<button @click=${() => this.openDialog('assign')}>${t('assign')}</button>` : nothing}
          ${d.status === 'live' && (mine || store.isSupervisor) ? html`<button @click=${() => this.openDialog('transfer')}>${t('transfer')}</button>` : nothing}
          ${d.status === 'live' && (mine || store.isSupervisor) ? html`<button @click=${() => store.act('returnToBot')}>${t('returnToBot')}</button>` : nothing}
          ${open ? html`<button class="danger" @click=${() => this.startClose()} ?disabled=${!!this.closing}>${t('close')}</button>` : html`<button class="primary" @click=${() => store.act('reopen')}>${t('reopen')}</button>`}
          ${agent
            ? html`<span class="agent-avatar" title=${t('assignedTo', { name: agent.name })} aria-label=${t('assignedTo', { name: agent.name })} data-testid="assigned-agent">
                ${agentAvatar ? html`<img src=${agentAvatar} alt="" />` : initials(agent.name)}</span>`
            : nothing}
        </div>
      </header>
      ${this.closing
        ? html`<div class="toast" role="status">${t('closingIn', { n: this.closing.left })} <button @click=${() => this.cancelClose()}>${t('undo')}</button></div>`
        : nothing}
      <div class="history" role="log" aria-label=${t('messages')} @scroll=${(e: Event) => (e.target as HTMLElement).scrollTop < 40 && void store.loadOlder()}>
        ${store.hasOlder ? html`<button class="link older" @click=${() => store.loadOlder()}>${t('loadOlder')}</button>` : nothing}
        ${store.messages.map((m) => this.message(m))}
        ${store.typing ? html`<p class="typing" aria-live="polite">${t('typing', { name: store.typing })}</p>` : nothing}
      </div>
      ${this.composer()}
      ${this.dialog ? this.renderDialog() : nothing}`;
  }

  private message(m: Message) {
    const own = m.author.kind === 'agent' || m.author.kind === 'bot';
    const cls = `msg ${m.kind} from-${m.author.kind} ${own ? 'own' : ''}`;
    if (m.kind === 'system') return html`<p class=${cls} data-seq=${m.seq}>${m.text}</p>`;
    return html`<div class=${cls} data-seq=${m.seq}>
      <div class="meta">${m.kind === 'note' ? `${t('note')} · ` : ''}${m.author.name} · ${formatTime(m.createdAt)}${own && m.kind !== 'note' && m.seq <= store.customerReadUpTo
        ? html` · <span class="read-tick" data-testid="read">✓ ${t('readByCustomer')}</span>`
        : nothing}</div>
      ${m.text ? html`<div class="text">${m.text}</div>` : nothing}
      ${m.attachment ? html`<a href=${m.attachment.url} target="_blank" rel="noopener"><img class="attachment" src=${m.attachment.url} alt=${m.attachment.name} /></a>` : nothing}
      ${m.options?.length ? html`<div class="options">${m.options.map((o) => html`<span class="chip">${o.label}</span>`)}</div>` : nothing}
    </div>`;
  }

  private composer() {
    const snippets = this.snippets;
    const note = this.mode === 'note';
    return html`<div
      class="composer ${note ? 'note' : ''} ${this.dragging ? 'dragging' : ''}"
      @dragover=${(e: DragEvent) => (e.preventDefault(), !this.dragging && ((this.dragging = true), this.update()))}
      @dragleave=${() => ((this.dragging = false), this.update())}
      @drop=${(e: DragEvent) => this.onDrop(e)}
    >
      <div class="modes" role="tablist">
        <button role="tab" aria-selected=${!note ? 'true' : 'false'} @click=${() => this.focusComposer('reply')}>${t('reply')}</button>
        <button role="tab" aria-selected=${note ? 'true' : 'false'} @click=${() => this.focusComposer('note')}>${t('note')}</button>
      </div>
      ${this.snippetQuery !== null
        ? html`<ul class="snippets" role="listbox" aria-label=${t('snippets')}>
            ${snippets.length === 0 ? html`<li class="muted">${t('noSnippet')}</li>` : nothing}
            ${snippets.map(
              (s, i) => html`<li role="option" aria-selected=${i === this.snippetIndex ? 'true' : 'false'} class=${i === this.snippetIndex ? 'active' : ''}
                  @mousedown=${(e: Event) => (e.preventDefault(), this.insert(this.app.querySelector<HTMLTextAreaElement>('.composer textarea')!, s))}>
                  <strong>/${s.shortcut}</strong> <span class="topic">${s.title}</span><span class="snippet-text">${substitute(s.text, store.variablesForSnippets())}</span></li>`,
            )}
          </ul>`
        : nothing}
      <div class="compose-row">
        <textarea
          aria-label=${note ? t('note') : t('reply')}
          placeholder=${note ? t('notePlaceholder') : t('replyPlaceholder')}
          rows="3"
          .value=${this.draft}
          @input=${(e: Event) => this.onInput(e)}
          @keydown=${(e: KeyboardEvent) => this.onKeyDown(e)}
          @paste=${(e: ClipboardEvent) => this.onPaste(e)}
          @blur=${() => store.sendTyping(false)}
        ></textarea>
        <div class="compose-buttons">
          ${note
            ? nothing
            : html`<label class="button icon" title=${t('attach')}>${t('image')}<input type="file" accept="image/png,image/jpeg,image/gif,image/webp" aria-label=${t('attach')} class="sr-only"
                  @change=${(e: Event) => {
                    const input = e.target as HTMLInputElement;
                    void this.sendImage(input.files?.[0]);
                    input.value = '';
                  }} /></label>`}
          <button class="primary" @click=${() => this.submit(this.app.querySelector<HTMLTextAreaElement>('.composer textarea')!)}>${t('send')}</button>
        </div>
      </div>
      ${this.dragging ? html`<div class="drop-hint">${t('dropImage')}</div>` : nothing}
    </div>`;
  }

  private renderDialog() {
    const dialog = this.dialog!;
    return html`<div class="modal" role="dialog" aria-modal="true" aria-labelledby="dialog-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.closePopups()}>
      <div class="card">
        <h2 id="dialog-title">${t(dialog.kind)}</h2>
        <h3>${t('toAgent')}</h3>
        ${dialog.colleagues.length === 0 ? html`<p class="muted">${t('noColleague')}</p>` : nothing}
        <ul class="colleagues">
          ${dialog.colleagues.map(
            (c) => html`<li><button data-agent=${c.id} @click=${() => this.choose(c.id)}>
                <span class="dot status-${c.status}"></span> ${c.displayName}
                <span class="muted">${c.activeConversations}/${c.capacity} · ${t('load')} ${Math.round(c.load * 100)} %</span></button></li>`,
          )}
        </ul>
        ${dialog.kind === 'transfer' && store.teams.length > 0
          ? html`<h3>${t('toTeam')}</h3>
              <ul class="colleagues">${store.teams.map((team) => html`<li><button data-team=${team.id} @click=${() => this.choose(undefined, team.id)}>${team.name}</button></li>`)}</ul>`
          : nothing}
        <button @click=${() => this.closePopups()}>${t('cancel')}</button>
      </div>
    </div>`;
  }
}
