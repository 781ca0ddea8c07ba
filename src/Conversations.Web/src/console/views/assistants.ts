import { html, nothing } from 'lit';
import { LocalizedElement } from '../assistants/localized-element';
import { ApiError, get, post, put } from '../api';
import { formatTime } from '../i18n';
import { connections } from '../assistants/draft';
import type { AssistantDef, AssistantSummary } from '../assistants/model';
import { ta } from '../assistants/strings';
import { store } from '../store';
import './assistant-editor';
import './assistant-preview';

interface Target {
  id: string;
  name: string;
  assistantId?: string | null;
  allowedOrigins?: string[];
  webhookUrl?: string | null;
}

/** Assistants for admins and botmasters: the list (status, published version, connected sites and channels)
 * and, for one, publish, roll back, the draft's form editor and the preview chat; admins, who administer the
 * sites and channels, also connect it to one. */
export class AssistantsView extends LocalizedElement {
  static override properties = { assistantId: {}, rows: { state: true }, definition: { state: true }, message: { state: true } };
  assistantId: string | undefined;
  rows: AssistantSummary[] = [];
  definition: AssistantDef | null = null;
  /** Worded when shown, so a language switch rewords it too. */
  message: { text: () => string; error: boolean } | null = null;
  private sites: Target[] = [];
  private channels: Target[] = [];
  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      if (store.isAdmin) {
        [this.rows, this.sites, this.channels] = await Promise.all([get<AssistantSummary[]>('/api/assistants'), get<Target[]>('/api/sites'), get<Target[]>('/api/channels')]);
      } else {
        // A botmaster may not read the sites' and channels' settings: the list says what each answers on.
        this.rows = await get<AssistantSummary[]>('/api/assistants');
        this.sites = this.rows.flatMap((a) => (a.sites ?? []).map((id) => ({ id, name: id, assistantId: a.id })));
        this.channels = this.rows.flatMap((a) => (a.channels ?? []).map((id) => ({ id, name: id, assistantId: a.id })));
      }
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    this.message = { text: () => (e instanceof ApiError ? e.message : String(e)), error: true };
  }

  private async act(path: 'publish' | 'rollback'): Promise<void> {
    try {
      const version = await post<{ number: number }>(`/api/assistants/${encodeURIComponent(this.assistantId!)}/${path}`);
      this.message = { text: () => ta(path === 'publish' ? 'published' : 'rolledBack', { n: version.number }), error: false };
      await this.load();
    } catch (e) {
      this.fail(e);
    }
  }

  private async connect(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const value = new FormData(e.target as HTMLFormElement).get('target')?.toString() ?? '';
    const [kind, id] = value.split(':');
    const target = (kind === 'site' ? this.sites : this.channels).find((t) => t.id === id);
    if (!target) return;
    // PUT replaces the fields it is given: the current ones go along so only the assistant changes.
    const body = kind === 'site' ? { name: target.name, allowedOrigins: target.allowedOrigins ?? [], assistantId: this.assistantId } : { name: target.name, webhookUrl: target.webhookUrl ?? null, assistantId: this.assistantId };
    try {
      await put(`/api/${kind === 'site' ? 'sites' : 'channels'}/${encodeURIComponent(target.id)}`, body);
      this.message = { text: () => ta('connected', { target: `${ta(kind as 'site' | 'channel')} ${target.id}` }), error: false };
      await this.load();
    } catch (error) {
      this.fail(error);
    }
  }

  override render() {
    return html`<div class="assistants">
      ${this.message ? html`<p class=${this.message.error ? 'error' : 'ok'} role=${this.message.error ? 'alert' : 'status'} data-testid="assistants-message">${this.message.text()}</p>` : nothing}
      ${this.assistantId ? this.detail(this.assistantId) : this.list()}
    </div>`;
  }

  private connectedTo(id: string) {
    const list = connections(id, this.sites, this.channels);
    return list.length === 0 ? html`<span class="muted">${ta('noneConnected')}</span>` : list.map((c) => html`<span class="chip">${ta(c.kind)} ${c.id}</span> `);
  }

  private list() {
    return html`<h1>${ta('assistants')}</h1>
      <table class="grid">
        <thead><tr><th>${ta('name')}</th><th>${ta('id')}</th><th>${ta('status')}</th><th>${ta('version')}</th><th>${ta('languages')}</th><th>${ta('channels')}</th><th></th></tr></thead>
        <tbody>${this.rows.map(
          (a) => html`<tr data-assistant=${a.id}><td>${a.name}</td><td><code>${a.id}</code></td>
            <td><span class="chip ${a.status === 'active' ? 'green' : ''}">${ta(a.status === 'active' ? 'active' : 'draft')}</span></td>
            <td>${a.publishedVersion ?? ta('none')}</td><td>${a.languages.join(', ')}</td><td>${this.connectedTo(a.id)}</td>
            <td><a class="button" href="#/assistants/${encodeURIComponent(a.id)}">${ta('open')}</a></td></tr>`,
        )}</tbody>
      </table>`;
  }

  private detail(id: string) {
    const row = this.rows.find((a) => a.id === id);
    const targets = [...this.sites.map((s) => ({ key: `site:${s.id}`, label: `${ta('site')} ${s.name}`, current: s.assistantId })), ...this.channels.map((c) => ({ key: `channel:${c.id}`, label: `${ta('channel')} ${c.name}`, current: c.assistantId }))];
    return html`<p><a href="#/assistants">← ${ta('back')}</a></p>
      <header class="assistant-head card">
        <h1>${row?.name ?? id}</h1>
        <p>${ta('status')}: <span class="chip" data-testid="assistant-status">${row ? ta(row.status === 'active' ? 'active' : 'draft') : ''}</span>
          · ${ta('version')}: <strong data-testid="published-version">${row?.publishedVersion ?? ta('none')}</strong>
          · ${ta('channels')}: ${this.connectedTo(id)}</p>
        <div class="buttons">
          <button class="primary" @click=${() => this.act('publish')}>${ta('publish')}</button>
          <button @click=${() => this.act('rollback')} ?disabled=${(row?.versions.length ?? 0) < 2}>${ta('rollback')}</button>
          ${store.isAdmin
            ? html`<form class="inline" @submit=${(e: SubmitEvent) => this.connect(e)}>
                <label>${ta('connect')} <select name="target">${targets.map((t) => html`<option value=${t.key}>${t.label}${t.current ? ` (${t.current})` : ''}</option>`)}</select></label>
                <button type="submit">${ta('connectButton')}</button>
              </form>`
            : nothing}
        </div>
        ${row && row.versions.length > 0
          ? html`<details><summary>${ta('versions')}</summary><ul>${row.versions.map((v) => html`<li>v${v.number} · ${formatTime(v.publishedAt)}${v.rolledBackFrom ? ` ← v${v.rolledBackFrom}` : ''}</li>`)}</ul></details>`
          : nothing}
      </header>
      <div class="assistant-work" @draft-saved=${(e: CustomEvent<AssistantDef>) => (this.definition = e.detail)}>
        <cv-assistant-editor .assistantId=${id}></cv-assistant-editor>
        <cv-assistant-preview .assistantId=${id} .definition=${this.definition}></cv-assistant-preview>
      </div>`;
  }
}

customElements.define('cv-assistants', AssistantsView);
