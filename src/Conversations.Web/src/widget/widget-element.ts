import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { renderText } from '../shared/render-text';
import { safeHref } from '../shared/text';
import type { Attachment, Message } from '../shared/types';
import type { WidgetEventName } from './api';
import { attachIcon, chatIcon, closeIcon, emojiIcon, sendIcon } from './icons';
import type { OutboxEntry } from './outbox';
import type { ChunkLoader } from './runtime';
import type { ChatSession, SessionView } from './session';
import type { Translate } from './strings';
import { styles } from './styles';
import { checkImage, ImageSources, uploadImage } from './upload';
import type { WidgetConfig } from './widget-config';

export interface WidgetDependencies {
  session: ChatSession;
  t: Translate;
  locale: string;
  config: WidgetConfig;
  chunks: ChunkLoader;
  serverUrl: string;
  emit: (event: WidgetEventName, detail: unknown) => void;
  openStore: { get(): boolean; set(open: boolean): void };
}

const focusable = 'button:not([disabled]), textarea:not([disabled]), input:not([disabled]):not([type="file"]), a[href], [tabindex]:not([tabindex="-1"])';

/** The launcher and the chat window, rendered in a shadow root. */
export class ConversationsWidgetElement extends LitElement {
  static override styles = styles;

  private deps!: WidgetDependencies;
  private images!: ImageSources;
  private view!: SessionView;
  private isOpen = false;
  private unread = 0;
  private draft = '';
  private pending?: { file: File; previewUrl: string };
  private composerError?: string;
  private uploading = false;
  private emojiOpen = false;
  private viewing?: { url: string; name: string };
  private dragging = false;
  private choosing?: string;
  private loadedChunks = new Set<string>();
  private lastRenderedSeq = 0;
  private hadFocus = false;
  private stickToBottom = true;
  private observedLog?: HTMLElement;
  private resizeObserver?: ResizeObserver;

  configure(deps: WidgetDependencies): void {
    this.deps = deps;
    this.view = deps.session.view;
    this.images = new ImageSources(deps.serverUrl);
    deps.session.subscribe((view) => {
      this.view = view;
      this.requestUpdate();
    });
    deps.session.onMessage((message) => {
      if (message.author.kind !== 'customer' && (!this.isOpen || document.visibilityState !== 'visible')) this.unread++;
      deps.emit('message', message);
    });
    this.setColors();
    if (deps.openStore.get()) this.open();
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.unread = 0;
    this.deps.openStore.set(true);
    void this.deps.session.connect();
    this.deps.emit('open', undefined);
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
      if (input) input.focus();
      else this.focusFirst();
    });
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.emojiOpen = false;
    this.viewing = undefined;
    this.deps.openStore.set(false);
    this.deps.emit('close', undefined);
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.launcher')?.focus());
  }

  protected override render(): TemplateResult {
    const { t, config } = this.deps;
    const launcherLabel = this.unread > 0 ? `${t('openChat')} (${t('unread', { count: this.unread })})` : t('openChat');
    return html`<div class="root ${config.launcherPosition === 'left' ? 'left' : ''} ${this.isOpen ? 'open' : ''}" lang=${this.deps.locale}>
      ${this.isOpen ? this.renderWindow() : nothing}
      <button class="launcher" type="button" aria-label=${this.isOpen ? t('closeChat') : launcherLabel} aria-expanded=${this.isOpen ? 'true' : 'false'}
        @click=${() => (this.isOpen ? this.close() : this.open())}>
        ${this.isOpen ? closeIcon : chatIcon}
        ${this.unread > 0 && !this.isOpen ? html`<span class="badge" aria-hidden="true">${this.unread}</span>` : nothing}
      </button>
    </div>`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.hadFocus = Boolean(this.shadowRoot?.activeElement);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The control that had focus may be gone after this render (Talk to a human, Accept, a choice): keep
    // the keyboard user inside the window rather than dropped on the page's body.
    if (this.isOpen && this.hadFocus && !this.shadowRoot?.activeElement) {
      (this.renderRoot.querySelector<HTMLElement>('textarea') ?? this.focusables()[0])?.focus();
    }
    const log = this.renderRoot.querySelector<HTMLElement>('.log');
    const messages = this.view.messages;
    const newest = messages.length ? messages[messages.length - 1].seq : 0;
    if (log && (newest !== this.lastRenderedSeq || this.view.outbox.length || this.stickToBottom)) {
      log.scrollTop = log.scrollHeight;
      this.lastRenderedSeq = newest;
      this.stickToBottom = true;
    }
    // The log also shrinks when panels below it appear (the rating form loads later): stay at the bottom.
    if (log && log !== this.observedLog) {
      this.resizeObserver ??= new ResizeObserver(() => {
        if (this.stickToBottom && this.observedLog) this.observedLog.scrollTop = this.observedLog.scrollHeight;
      });
      this.resizeObserver.disconnect();
      this.resizeObserver.observe(log);
      this.observedLog = log;
    }
    if (this.isOpen && document.visibilityState === 'visible') this.deps.session.markRead();
  }

  private renderWindow(): TemplateResult {
    const { t, config } = this.deps;
    const view = this.view;
    const status = view.state?.status;
    return html`<div class="window" role="dialog" aria-modal="true" aria-labelledby="cw-title" @keydown=${this.onKeydown}
        @dragover=${this.onDragOver} @dragleave=${() => this.setDragging(false)} @drop=${this.onDrop}>
      <header>
        ${this.renderAvatar(config.avatarUrl, config.title ?? config.name)}
        <div class="titles">
          <h2 id="cw-title">${config.title ?? t('title')}</h2>
          <div class="subtitle">${this.subtitle()}</div>
        </div>
        <button class="icon-button" type="button" aria-label=${t('closeChat')} @click=${() => this.close()}>${closeIcon}</button>
      </header>
      ${this.renderNotices()}
      <div class="log" role="log" aria-live="polite" aria-relevant="additions" aria-label=${t('conversation')} tabindex="0"
        @scroll=${this.onLogScroll}>
        <p class="greeting">${config.greeting ?? t('greeting')}</p>
        ${this.renderMessages()}
      </div>
      <div class="typing" role="status">${view.typing ? t('typing', { name: view.typing }) : nothing}</div>
      ${status === 'closed' ? this.renderClosed() : this.renderComposer()}
      ${this.dragging ? html`<div class="drop">${t('dropHere')}</div>` : nothing}
      ${this.viewing && this.loadedChunks.has('viewer')
        ? html`<cw-image-viewer .src=${this.viewing.url} .alt=${this.viewing.name} .closeLabel=${t('closeViewer')}
            @cw-close=${() => this.closeViewer()}></cw-image-viewer>`
        : nothing}
    </div>`;
  }

  private subtitle(): string {
    const { t } = this.deps;
    const view = this.view;
    if (view.connection === 'connecting') return t('connecting');
    switch (view.state?.status) {
      case 'waiting':
        return t('waiting');
      case 'live':
        return view.state.agent ? t('agentJoined', { name: view.state.agent.name }) : '';
      case 'closed':
        return t('closed');
      default:
        return t('assistant');
    }
  }

  private renderNotices(): TemplateResult {
    const { t } = this.deps;
    const view = this.view;
    const notices: TemplateResult[] = [];
    if (view.connection === 'reconnecting') {
      notices.push(html`<div class="notice" role="status">${view.online ? t('reconnecting') : `${t('reconnecting')} ${t('offline')}`}</div>`);
    }
    if (view.state?.status === 'waiting') {
      const queue = view.queue;
      notices.push(html`<div class="notice queue" role="status">${queue
        ? queue.estimatedWaitSeconds > 0
          ? t('queue', { position: queue.position, wait: this.formatWait(queue.estimatedWaitSeconds) })
          : t('queueNoEstimate', { position: queue.position })
        : t('waiting')}</div>`);
    }
    if (view.helpOffer && view.state?.status === 'bot') {
      notices.push(html`<div class="notice offer" role="status"><span>${t('helpOffered', { name: view.helpOffer.name })}</span>
        <button class="primary" type="button" @click=${() => this.act(() => this.deps.session.acceptHelp())}>${t('accept')}</button></div>`);
    }
    if (view.error) notices.push(html`<div class="notice" role="alert">${t('error', { message: view.error })}</div>`);
    return html`${notices}`;
  }

  private formatWait(seconds: number): string {
    return seconds < 60 ? this.deps.t('lessThanMinute') : this.deps.t('minutes', { n: Math.round(seconds / 60) });
  }

  private renderMessages(): TemplateResult[] {
    const messages = this.view.messages;
    const readUpTo = this.view.readUpTo;
    const lastRead = [...messages].reverse().find((m) => m.author.kind === 'customer' && m.seq <= readUpTo)?.seq;
    const rows = messages.map((m, i) => this.renderMessage(m, messages, i, m.seq === lastRead));
    return [...rows, ...this.view.outbox.map((e) => this.renderPending(e))];
  }

  private renderMessage(m: Message, messages: readonly Message[], index: number, showRead: boolean): TemplateResult {
    const { t } = this.deps;
    if (m.kind === 'system' || m.author.kind === 'system') return html`<div class="system">${m.text ?? ''}</div>`;
    const mine = m.author.kind === 'customer';
    const content = html`${m.attachment ? this.renderImage(m.attachment) : nothing}${m.text ? html`<div class="text">${renderText(m.text)}</div>` : nothing}`;
    const previous = messages[index - 1];
    const showAuthor = !mine && (!previous || previous.author.kind !== m.author.kind || previous.author.id !== m.author.id || previous.kind === 'system');
    const authorName = m.author.kind === 'bot' ? m.author.name || t('assistant') : m.author.name;
    const row = html`<div class="row ${mine ? 'mine' : ''}">
      ${mine ? nothing : showAuthor ? this.renderAuthorAvatar(m) : html`<span class="avatar spacer" aria-hidden="true"></span>`}
      <div class="bubble">
        ${showAuthor ? html`<p class="author">${authorName}</p>` : html`<span class="sr-only">${authorName}:</span>`}
        ${mine ? html`<span class="sr-only">${t('you')}:</span>` : nothing}
        ${content}
      </div>
    </div>
    ${showRead ? html`<div class="meta">${t('read')}</div>` : nothing}`;
    return m.kind === 'choice' && m.options?.length ? html`${row}${this.renderChoices(m, messages)}` : row;
  }

  private renderChoices(m: Message, messages: readonly Message[]): TemplateResult {
    const answer = messages.find((x) => x.seq > m.seq && x.author.kind === 'customer');
    const answered = Boolean(answer) || this.choosing === m.id || this.view.state?.status === 'closed';
    return html`<div class="choices" role="group" aria-label=${this.deps.t('chooseOption')}>
      ${m.options!.map(
        (option) => html`<button class="choice" type="button" ?disabled=${answered}
          aria-pressed=${answer?.text === option.label ? 'true' : 'false'}
          @click=${() => this.choose(m.id, option.id)}>${option.label}</button>`,
      )}
    </div>`;
  }

  private renderPending(entry: OutboxEntry): TemplateResult {
    const { t } = this.deps;
    return html`<div class="row mine pending">
        <div class="bubble">
          ${entry.attachment ? this.renderImage(entry.attachment) : nothing}
          ${entry.text ? html`<div class="text">${renderText(entry.text)}</div>` : nothing}
        </div>
      </div>
      ${entry.status === 'failed'
        ? html`<div class="meta failed" role="alert">${t('notSent')} — <button class="link-button" type="button"
            @click=${() => this.deps.session.retry(entry.clientMessageId)}>${t('retry')}</button></div>`
        : html`<div class="meta">${t('sending')}</div>`}`;
  }

  private renderAuthorAvatar(m: Message): TemplateResult {
    const agent = this.view.state?.agent;
    const url = m.author.kind === 'agent' ? (agent && agent.id === m.author.id ? agent.avatarUrl : undefined) : this.deps.config.avatarUrl;
    return this.renderAvatar(url ?? undefined, m.author.name || this.deps.t('assistant'));
  }

  private renderAvatar(url: string | undefined, name: string): TemplateResult {
    const href = url ? safeHref(new URL(url, this.deps.serverUrl).href) : null;
    return href
      ? html`<img class="avatar" src=${href} alt="" />`
      : html`<span class="avatar" aria-hidden="true">${(name.trim()[0] ?? '?').toUpperCase()}</span>`;
  }

  private renderImage(attachment: Attachment): TemplateResult {
    const { t } = this.deps;
    const url = this.images.source(attachment);
    if (!url) {
      return html`<div class="image-placeholder" role="img" aria-label=${t('imageOf', { name: attachment.name })}></div>`;
    }
    return html`<button class="image-button" type="button" aria-label=${t('enlarge', { name: attachment.name })}
      @click=${() => this.openViewer(url, attachment.name)}><img src=${url} alt=${t('imageOf', { name: attachment.name })} /></button>`;
  }

  private renderComposer(): TemplateResult {
    const { t } = this.deps;
    const status = this.view.state?.status;
    return html`
      ${status === 'bot' || status === 'live'
        ? html`<div class="actions">
            ${status === 'bot'
              ? html`<button class="action" type="button" @click=${() => this.act(() => this.deps.session.requestAgent())}>${t('talkToHuman')}</button>`
              : html`<button class="action" type="button" @click=${() => this.act(() => this.deps.session.returnToBot())}>${t('backToAssistant')}</button>`}
          </div>`
        : nothing}
      <form class="composer" @submit=${this.onSubmit}>
        ${this.emojiOpen && this.loadedChunks.has('emoji')
          ? html`<cw-emoji-picker .label=${t('emoji')} @cw-pick=${(e: CustomEvent<string>) => this.insertEmoji(e.detail)}></cw-emoji-picker>`
          : nothing}
        ${this.pending
          ? html`<div class="preview"><img src=${this.pending.previewUrl} alt=${t('imageOf', { name: this.pending.file.name })} />
              <button class="link-button" type="button" @click=${() => this.clearPending()}>${t('removeAttachment')}</button>
              ${this.uploading ? html`<span role="status">${t('uploading')}</span>` : nothing}</div>`
          : nothing}
        ${this.composerError ? html`<div class="error" role="alert">${this.composerError}</div>` : nothing}
        <div class="composer-row">
          <input id="cw-file" class="sr-only" type="file" accept="image/png,image/jpeg,image/gif,image/webp" tabindex="-1" aria-hidden="true"
            @change=${this.onFileChosen} />
          <button class="icon-button" type="button" aria-label=${t('attach')} @click=${this.pickFile}>${attachIcon}</button>
          <button class="icon-button" type="button" aria-label=${t('emoji')} aria-expanded=${this.emojiOpen ? 'true' : 'false'} @click=${this.toggleEmoji}>${emojiIcon}</button>
          <label class="sr-only" for="cw-input">${t('messageLabel')}</label>
          <textarea id="cw-input" rows="1" placeholder=${t('placeholder')} .value=${this.draft} maxlength="4000"
            @input=${this.onInput} @keydown=${this.onComposerKeydown} @paste=${this.onPaste}></textarea>
          <button class="icon-button send" type="submit" aria-label=${t('send')} ?disabled=${this.uploading}>${sendIcon}</button>
        </div>
      </form>`;
  }

  private renderClosed(): TemplateResult {
    const { t, session } = this.deps;
    if (!this.view.rated) void this.loadChunk('rating');
    return html`<div class="closed">
      ${this.view.rated
        ? html`<p role="status">${t('rateThanks')}</p>`
        : this.loadedChunks.has('rating')
          ? html`<cw-rating-form .labels=${{ title: t('rateTitle'), comment: t('rateComment'), submit: t('rateSubmit'), star: (n: number) => t('rateStar', { score: n }) }}
              @cw-rate=${(e: CustomEvent<{ score: number; comment: string }>) => this.act(() => session.rate(e.detail.score, e.detail.comment))}></cw-rating-form>`
          : nothing}
      <button class="primary" type="button" @click=${() => this.act(() => session.startNew())}>${t('newConversation')}</button>
    </div>`;
  }

  private choose(messageId: string, optionId: string): void {
    this.choosing = messageId;
    this.requestUpdate();
    this.act(() => this.deps.session.choose(optionId).finally(() => (this.choosing = undefined)));
  }

  private act(action: () => Promise<unknown>): void {
    action().then(
      () => this.requestUpdate(),
      () => this.requestUpdate(),
    );
  }

  private onLogScroll = (event: Event): void => {
    const log = event.target as HTMLElement;
    this.stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  };

  private onInput = (event: Event): void => {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.deps.session.typing(this.draft.length > 0);
  };

  private onComposerKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.submit();
    }
  };

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  private async submit(): Promise<void> {
    const text = this.draft;
    if (!text.trim() && !this.pending) return;
    let attachment: Attachment | undefined;
    if (this.pending) {
      const token = this.deps.session.visitorToken;
      this.uploading = true;
      this.composerError = undefined;
      this.requestUpdate();
      try {
        await this.deps.session.connect();
        attachment = await uploadImage(this.deps.serverUrl, this.deps.session.siteId, token ?? this.deps.session.visitorToken ?? '', this.pending.file);
        this.images.remember(attachment.id, this.pending.previewUrl);
        this.pending = undefined;
      } catch {
        this.composerError = this.deps.t('uploadFailed');
        return;
      } finally {
        this.uploading = false;
        this.requestUpdate();
      }
    }
    this.draft = '';
    this.emojiOpen = false;
    this.deps.session.send(text, attachment);
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus());
  }

  private pickFile = (): void => this.renderRoot.querySelector<HTMLInputElement>('#cw-file')?.click();

  private onFileChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.takeFile(file);
  };

  private onPaste = (event: ClipboardEvent): void => {
    const file = [...(event.clipboardData?.files ?? [])][0];
    if (file) {
      event.preventDefault();
      this.takeFile(file);
    }
  };

  private onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.setDragging(true);
  };

  private onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) this.takeFile(file);
  };

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.requestUpdate();
  }

  private takeFile(file: File): void {
    const check = checkImage(file);
    this.clearPending();
    if (check !== 'ok') {
      this.composerError = this.deps.t(check);
    } else {
      this.composerError = undefined;
      this.pending = { file, previewUrl: URL.createObjectURL(file) };
    }
    this.requestUpdate();
  }

  private clearPending(): void {
    this.pending = undefined;
    this.composerError = undefined;
    this.requestUpdate();
  }

  private toggleEmoji = (): void => {
    this.emojiOpen = !this.emojiOpen;
    if (this.emojiOpen) void this.loadChunk('emoji');
    this.requestUpdate();
  };

  private insertEmoji(emoji: string): void {
    const input = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    const at = input?.selectionStart ?? this.draft.length;
    this.draft = this.draft.slice(0, at) + emoji + this.draft.slice(input?.selectionEnd ?? at);
    this.emojiOpen = false;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      input?.focus();
      input?.setSelectionRange(at + emoji.length, at + emoji.length);
    });
  }

  private openViewer(url: string, name: string): void {
    this.viewing = { url, name };
    void this.loadChunk('viewer');
    this.requestUpdate();
  }

  private closeViewer(): void {
    this.viewing = undefined;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.image-button')?.focus());
  }

  private async loadChunk(name: 'viewer' | 'rating' | 'emoji'): Promise<void> {
    if (this.loadedChunks.has(name)) return;
    await this.deps.chunks.load(name);
    this.loadedChunks.add(name);
    this.requestUpdate();
  }

  // Tab and Shift+Tab cycle inside the open window; Escape closes the image first, then the window.
  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (this.viewing) this.closeViewer();
      else if (this.emojiOpen) this.toggleEmoji();
      else this.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = this.focusables();
    if (items.length === 0) return;
    const active = this.shadowRoot?.activeElement;
    const index = items.indexOf(active as HTMLElement);
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      items[items.length - 1].focus();
    } else if (!event.shiftKey && index === items.length - 1) {
      event.preventDefault();
      items[0].focus();
    }
  };

  private focusables(): HTMLElement[] {
    const container = this.renderRoot.querySelector('.viewer') ?? this.renderRoot.querySelector('.window');
    return container ? [...container.querySelectorAll<HTMLElement>(focusable)] : [];
  }

  private focusFirst(): void {
    this.focusables()[0]?.focus();
  }

  // Custom properties set through CSSOM: no style attribute, so a strict style-src is enough.
  private setColors(): void {
    const { primaryColor, onPrimary } = this.deps.config;
    if (primaryColor) {
      this.style.setProperty('--cw-primary', primaryColor);
      this.style.setProperty('--cw-on-primary', onPrimary);
    }
  }
}
