import { LitElement, html, nothing } from 'lit';
import { ApiError, del, get, post, put, upload } from '../api';
import { formatTime, onLocaleChange, t, type Key } from '../i18n';
import { store } from '../store';

interface Agent {
  id: string;
  email: string;
  displayName: string;
  role: string;
  allowedSiteIds: string[] | null;
  capacity: number;
  showBotConversations: boolean;
  avatarUrl: string | null;
  licensed: boolean;
  status: string;
  active: boolean;
  activeConversations: number;
  lastActivityAt?: string | null;
  messageCount?: number;
}

type Row = Record<string, unknown> & { id: string };

const tabs = ['agents', 'sites', 'channels', 'teams', 'snippets', 'settings', 'outbox'] as const;
type Tab = (typeof tabs)[number];
const pseudonymVariables = ['{{PRENOM}}', '{{NOM}}', '{{SOCIETE}}', '{{email}}', '{n}'];

function formData(form: HTMLFormElement): Record<string, FormDataEntryValue> {
  return Object.fromEntries(new FormData(form).entries());
}

/** Administration for admins: agents and licences, sites, channels, teams, snippets, settings, Outbox. */
export class AdminView extends LitElement {
  static override properties = { tab: {}, rows: { state: true }, message: { state: true }, editing: { state: true }, extra: { state: true } };
  tab: Tab = 'agents';
  rows: Row[] = [];
  extra: Record<string, unknown> = {};
  message: { text: string; error: boolean } | null = null;
  editing: Row | null = null;
  private loadedTab: string | null = null;

  private stopLocale: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // A language switch re-renders at once, not at the next change of the rows.
    this.stopLocale = onLocaleChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLocale?.();
  }

  override createRenderRoot() {
    return this;
  }

  override updated(): void {
    if (this.loadedTab !== this.tab) {
      this.loadedTab = this.tab;
      this.editing = null;
      this.message = null;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const path = this.tab === 'settings' ? '/api/settings' : `/api/${this.tab}`;
      const data = await get<unknown>(path);
      if (this.tab === 'settings') {
        this.extra = { settings: data };
        this.rows = [];
      } else if (this.tab === 'outbox') {
        const outbox = data as { transport: string; mails: Row[] };
        this.extra = { transport: outbox.transport };
        this.rows = outbox.mails;
      } else {
        this.rows = data as Row[];
      }
      if (this.tab === 'agents' || this.tab === 'settings') this.extra = { ...this.extra, settings: await get('/api/settings'), sites: await get('/api/sites') };
      if (this.tab === 'teams') this.extra = { agents: await get('/api/agents') };
    } catch (e) {
      this.fail(e);
    }
  }

  private ok(text: string): void {
    this.message = { text, error: false };
  }

  private fail(e: unknown): void {
    this.message = { text: e instanceof ApiError ? e.message : String(e), error: true };
  }

  private async run(action: () => Promise<unknown>, done = t('saved')): Promise<void> {
    try {
      await action();
      this.ok(done);
      this.editing = null;
      await this.load();
    } catch (e) {
      this.fail(e);
    }
  }

  override render() {
    return html`<div class="admin">
      <nav class="tabs" role="tablist" aria-label=${t('admin')}>
        ${tabs.map((tab) => html`<a role="tab" href="#/admin/${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'}>${t(tab as Key)}</a>`)}
      </nav>
      ${this.message ? html`<p class=${this.message.error ? 'error' : 'ok'} role=${this.message.error ? 'alert' : 'status'} data-testid="admin-message">${this.message.text}</p>` : nothing}
      <section class="admin-body">${this.body()}</section>
    </div>`;
  }

  private body() {
    switch (this.tab) {
      case 'agents':
        return this.agents();
      case 'sites':
        return this.sites();
      case 'channels':
        return this.channels();
      case 'teams':
        return this.teams();
      case 'snippets':
        return this.snippetsTab();
      case 'settings':
        return this.settings();
      default:
        return this.outbox();
    }
  }

  // ---- agents -----------------------------------------------------------------------------------

  private agents() {
    const agents = this.rows as unknown as Agent[];
    const settings = this.extra.settings as { licences: number } | undefined;
    const sites = (this.extra.sites as { id: string; name: string }[] | undefined) ?? [];
    const used = agents.filter((a) => a.licensed).length;
    const edit = this.editing as unknown as Agent | null;
    return html`<p class="licences" data-testid="licences">${t('licencesUsed', { n: used, m: settings?.licences ?? '?' })}</p>
      <table class="grid">
        <thead><tr><th>${t('avatar')}</th><th>${t('displayName')}</th><th>${t('email')}</th><th>${t('role')}</th><th>${t('licensed')}</th><th>${t('status')}</th><th>${t('lastActivity')}</th><th>${t('messages')}</th><th></th></tr></thead>
        <tbody>
          ${agents.map(
            (a) => html`<tr data-agent=${a.id} class=${a.active ? '' : 'revoked'}>
              <td>${a.avatarUrl ? html`<img class="mini-avatar" src=${a.avatarUrl} alt="" />` : nothing}
                <label class="button icon" title=${t('avatar')}>${t('edit')}<input class="sr-only" type="file" accept="image/*" aria-label="${t('avatar')} ${a.displayName}" @change=${(e: Event) => this.avatar(a, e)} /></label></td>
              <td>${a.displayName}</td>
              <td>${a.email}</td>
              <td>${a.role}</td>
              <td><input type="checkbox" aria-label="${t('licensed')} ${a.displayName}" .checked=${a.licensed} ?disabled=${!a.active}
                  @change=${(e: Event) => this.licence(a, (e.target as HTMLInputElement).checked)} /></td>
              <td><span class="dot status-${a.status}"></span> ${t(a.status as Key)}</td>
              <td>${formatTime(a.lastActivityAt)}</td>
              <td>${a.messageCount ?? 0}</td>
              <td>${a.active
                ? html`<button @click=${() => (this.editing = a as unknown as Row)}>${t('edit')}</button>
                    ${a.id !== store.me?.id ? html`<button class="danger" @click=${() => this.run(() => del(`/api/agents/${a.id}`))}>${t('revoke')}</button>` : nothing}`
                : t('revoke')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <form class="card form" @submit=${(e: SubmitEvent) => this.saveAgent(e, edit)}>
        <h2>${edit ? `${t('edit')} ${edit.displayName}` : t('create')}</h2>
        ${edit ? nothing : html`<label>${t('email')} <input name="email" type="email" required /></label>`}
        <label>${t('password')} <input name="password" type="password" minlength="8" ?required=${!edit} autocomplete="new-password" /></label>
        <label>${t('displayName')} <input name="displayName" required .value=${edit?.displayName ?? ''} /></label>
        <label>${t('role')} <select name="role">${['agent', 'supervisor', 'botmaster', 'admin'].map((r) => html`<option ?selected=${(edit?.role ?? 'agent') === r}>${r}</option>`)}</select></label>
        <label>${t('capacity')} <input name="capacity" type="number" min="1" max="100" .value=${String(edit?.capacity ?? 5)} /></label>
        <label class="check"><input name="showBotConversations" type="checkbox" .checked=${edit?.showBotConversations ?? false} /> ${t('showBot')}</label>
        ${edit ? nothing : html`<label class="check"><input name="licensed" type="checkbox" /> ${t('licensed')}</label>`}
        <fieldset><legend>${t('allowedSites')}</legend>
          ${sites.map((s) => html`<label class="check"><input type="checkbox" name="site" value=${s.id} .checked=${edit?.allowedSiteIds?.includes(s.id) ?? false} /> ${s.name}</label>`)}
        </fieldset>
        <div class="buttons"><button class="primary" type="submit">${edit ? t('save') : t('create')}</button>
          ${edit ? html`<button type="button" @click=${() => (this.editing = null)}>${t('cancel')}</button>` : nothing}</div>
      </form>`;
  }

  private async saveAgent(e: SubmitEvent, edit: Agent | null): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = formData(form);
    const sites = [...form.querySelectorAll<HTMLInputElement>('input[name=site]:checked')].map((i) => i.value);
    const body: Record<string, unknown> = {
      displayName: data.displayName,
      role: data.role,
      capacity: data.capacity ? Number(data.capacity) : 5,
      showBotConversations: form.querySelector<HTMLInputElement>('input[name=showBotConversations]')!.checked,
      allowedSiteIds: sites.length > 0 ? sites : null,
      avatarUrl: edit?.avatarUrl ?? null,
    };
    if (data.password) body.password = data.password;
    if (edit) {
      await this.run(() => put(`/api/agents/${edit.id}`, body));
    } else {
      body.email = data.email;
      body.licensed = form.querySelector<HTMLInputElement>('input[name=licensed]')!.checked;
      await this.run(() => post('/api/agents', body));
      if (!this.message?.error) form.querySelectorAll<HTMLInputElement>('input[name=email], input[name=password], input[name=displayName]').forEach((i) => (i.value = ''));
    }
  }

  private async licence(agent: Agent, licensed: boolean): Promise<void> {
    await this.run(() => put(`/api/agents/${agent.id}/licence`, { licensed }));
    // A refused grant leaves the box as the server has it, not as it was clicked.
    if (this.message?.error) {
      this.rows = [];
      await this.load();
    }
  }

  private async avatar(agent: Agent, e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    await this.run(async () => put(`/api/agents/${agent.id}/avatar`, { uploadId: (await upload(file)).id }));
  }

  // ---- sites ------------------------------------------------------------------------------------

  private sites() {
    const edit = this.editing;
    return html`<table class="grid">
        <thead><tr><th>Id</th><th>${t('name')}</th><th>${t('autoAssignment')}</th><th>${t('pseudonym')}</th><th>${t('reopenPolicy')}</th><th></th></tr></thead>
        <tbody>${this.rows.map(
          (s) => html`<tr><td>${s.id}</td><td>${s.name}</td><td>${s.autoAssignment ? t('yes') : t('no')}</td><td>${s.pseudonymTemplate}</td>
            <td>${s.reopenPolicy === 'reopen' ? t('reopenIt') : t('newConversation')}</td><td><button @click=${() => (this.editing = s)}>${t('edit')}</button></td></tr>`,
        )}</tbody>
      </table>
      ${this.extra.secret ? html`<p class="secret" role="status">${t('secretOnce')} <code>${this.extra.secret}</code></p>` : nothing}
      <form class="card form" @submit=${(e: SubmitEvent) => this.saveSite(e)}>
        <h2>${edit ? `${t('edit')} ${edit.id}` : t('create')}</h2>
        ${edit ? nothing : html`<label>Id <input name="id" required pattern="[a-z0-9-]+" /></label>`}
        <label>${t('name')} <input name="name" required .value=${String(edit?.name ?? '')} /></label>
        <label>${t('origins')} <textarea name="allowedOrigins" rows="2" .value=${((edit?.allowedOrigins as string[]) ?? []).join('\n')}></textarea></label>
        <label class="check"><input name="autoAssignment" type="checkbox" .checked=${edit ? Boolean(edit.autoAssignment) : true} /> ${t('autoAssignment')}</label>
        <label>${t('pseudonym')} <input name="pseudonymTemplate" id="pseudonym" .value=${String(edit?.pseudonymTemplate ?? 'Visitor {n}')} /></label>
        <div class="picker" aria-label=${t('insertVariable')}>${t('insertVariable')}:
          ${pseudonymVariables.map((v) => html`<button type="button" class="chip" @click=${() => this.insertVariable(v)}>${v}</button>`)}</div>
        <label>${t('reopenPolicy')} <select name="reopenPolicy">
          <option value="newConversation" ?selected=${edit?.reopenPolicy !== 'reopen'}>${t('newConversation')}</option>
          <option value="reopen" ?selected=${edit?.reopenPolicy === 'reopen'}>${t('reopenIt')}</option></select></label>
        <label class="check"><input name="generateIdentitySecret" type="checkbox" /> ${t('identitySecret')} ${edit?.hasIdentitySecret ? '✓' : ''}</label>
        <div class="buttons"><button class="primary" type="submit">${edit ? t('save') : t('create')}</button>
          ${edit ? html`<button type="button" @click=${() => (this.editing = null)}>${t('cancel')}</button>` : nothing}</div>
      </form>`;
  }

  private insertVariable(variable: string): void {
    const input = this.querySelector<HTMLInputElement>('#pseudonym');
    if (!input) return;
    const at = input.selectionStart ?? input.value.length;
    input.value = input.value.slice(0, at) + variable + input.value.slice(input.selectionEnd ?? at);
    input.focus();
  }

  private async saveSite(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = formData(form);
    const edit = this.editing;
    const body = {
      id: data.id,
      name: data.name,
      allowedOrigins: String(data.allowedOrigins ?? '').split(/\s+/).filter(Boolean),
      autoAssignment: form.querySelector<HTMLInputElement>('input[name=autoAssignment]')!.checked,
      pseudonymTemplate: data.pseudonymTemplate,
      reopenPolicy: data.reopenPolicy,
      generateIdentitySecret: form.querySelector<HTMLInputElement>('input[name=generateIdentitySecret]')!.checked || undefined,
    };
    try {
      const saved = edit ? await put<Row>(`/api/sites/${edit.id}`, body) : await post<Row>('/api/sites', body);
      this.ok(t('saved'));
      this.editing = null;
      await this.load();
      this.extra = { ...this.extra, secret: saved.identitySecret };
    } catch (error) {
      this.fail(error);
    }
  }

  // ---- channels ---------------------------------------------------------------------------------

  private channels() {
    const edit = this.editing;
    return html`<table class="grid">
        <thead><tr><th>Id</th><th>${t('name')}</th><th>${t('webhookUrl')}</th><th></th></tr></thead>
        <tbody>${this.rows.map(
          (c) => html`<tr data-channel=${c.id}><td>${c.id}</td><td>${c.name}</td><td>${c.webhookUrl ?? '—'}</td>
            <td><button @click=${() => (this.editing = c)}>${t('edit')}</button>
              <button @click=${() => this.testDelivery(c.id)} ?disabled=${!c.webhookUrl}>${t('testDelivery')}</button></td></tr>`,
        )}</tbody>
      </table>
      ${this.extra.secret ? html`<p class="secret" role="status" data-testid="secret">${t('secretOnce')} <code>${this.extra.secret}</code></p>` : nothing}
      <form class="card form" @submit=${(e: SubmitEvent) => this.saveChannel(e)}>
        <h2>${edit ? `${t('edit')} ${edit.id}` : t('create')}</h2>
        ${edit ? nothing : html`<label>Id <input name="id" required pattern="[a-z0-9-]+" /></label>`}
        <label>${t('name')} <input name="name" required .value=${String(edit?.name ?? '')} /></label>
        <label>${t('webhookUrl')} <input name="webhookUrl" type="url" .value=${String(edit?.webhookUrl ?? '')} /></label>
        ${edit ? html`<label class="check"><input name="rotateSecret" type="checkbox" /> Rotate secret</label>` : nothing}
        <div class="buttons"><button class="primary" type="submit">${edit ? t('save') : t('create')}</button>
          ${edit ? html`<button type="button" @click=${() => (this.editing = null)}>${t('cancel')}</button>` : nothing}</div>
      </form>`;
  }

  private async saveChannel(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = formData(form);
    const edit = this.editing;
    const body = { id: data.id, name: data.name, webhookUrl: data.webhookUrl || null, rotateSecret: form.querySelector<HTMLInputElement>('input[name=rotateSecret]')?.checked || undefined };
    try {
      const saved = edit ? await put<Row>(`/api/channels/${edit.id}`, body) : await post<Row>('/api/channels', body);
      this.ok(t('saved'));
      this.editing = null;
      await this.load();
      this.extra = { ...this.extra, secret: saved.secret };
    } catch (error) {
      this.fail(error);
    }
  }

  private async testDelivery(id: string): Promise<void> {
    try {
      const result = await post<{ delivered: boolean; error?: string }>(`/api/channels/${id}/test-delivery`);
      this.message = result.delivered ? { text: t('delivered'), error: false } : { text: t('failed', { error: result.error ?? '' }), error: true };
    } catch (e) {
      this.fail(e);
    }
  }

  // ---- teams, snippets --------------------------------------------------------------------------

  private teams() {
    const agents = (this.extra.agents as Agent[] | undefined) ?? [];
    const edit = this.editing;
    return html`<table class="grid"><thead><tr><th>Id</th><th>${t('name')}</th><th>${t('members')}</th><th></th></tr></thead>
        <tbody>${this.rows.map(
          (team) => html`<tr><td>${team.id}</td><td>${team.name}</td>
            <td>${((team.agentIds as string[]) ?? []).map((id) => agents.find((a) => a.id === id)?.displayName ?? id).join(', ')}</td>
            <td><button @click=${() => (this.editing = team)}>${t('edit')}</button></td></tr>`,
        )}</tbody></table>
      <form class="card form" @submit=${(e: SubmitEvent) => this.saveTeam(e)}>
        <h2>${edit ? `${t('edit')} ${edit.id}` : t('create')}</h2>
        ${edit ? nothing : html`<label>Id <input name="id" required pattern="[a-z0-9-]+" /></label>`}
        <label>${t('name')} <input name="name" required .value=${String(edit?.name ?? '')} /></label>
        <fieldset><legend>${t('members')}</legend>
          ${agents.map((a) => html`<label class="check"><input type="checkbox" name="member" value=${a.id} .checked=${((edit?.agentIds as string[]) ?? []).includes(a.id)} /> ${a.displayName}</label>`)}
        </fieldset>
        <div class="buttons"><button class="primary" type="submit">${edit ? t('save') : t('create')}</button></div>
      </form>`;
  }

  private async saveTeam(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = formData(form);
    const edit = this.editing;
    const agentIds = [...form.querySelectorAll<HTMLInputElement>('input[name=member]:checked')].map((i) => i.value);
    const body = { id: data.id, name: data.name, agentIds };
    await this.run(() => (edit ? put(`/api/teams/${edit.id}`, body) : post('/api/teams', body)));
  }

  private snippetsTab() {
    const edit = this.editing;
    return html`<table class="grid"><thead><tr><th>${t('shortcut')}</th><th>${t('topic')}</th><th>${t('text')}</th><th></th></tr></thead>
        <tbody>${this.rows.map(
          (s) => html`<tr><td>/${s.shortcut}</td><td>${s.title}</td><td>${s.text}</td>
            <td><button @click=${() => (this.editing = s)}>${t('edit')}</button>
              <button class="danger" @click=${() => this.run(async () => (await del(`/api/snippets/${s.id}`), await this.refreshSnippets()))}>${t('delete')}</button></td></tr>`,
        )}</tbody></table>
      <form class="card form" @submit=${(e: SubmitEvent) => this.saveSnippet(e)}>
        <h2>${edit ? `${t('edit')} /${edit.shortcut}` : t('create')}</h2>
        <label>${t('shortcut')} <input name="shortcut" required .value=${String(edit?.shortcut ?? '')} /></label>
        <label>${t('topic')} <input name="title" required .value=${String(edit?.title ?? '')} /></label>
        <label>${t('text')} <textarea name="text" rows="3" required .value=${String(edit?.text ?? '')}></textarea></label>
        <p class="muted">{{PRENOM}}, {{email}}, {{name}}…</p>
        <div class="buttons"><button class="primary" type="submit">${edit ? t('save') : t('create')}</button></div>
      </form>`;
  }

  private async saveSnippet(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = formData(e.target as HTMLFormElement);
    const edit = this.editing;
    const body = { shortcut: data.shortcut, title: data.title, text: data.text };
    await this.run(async () => {
      await (edit ? put(`/api/snippets/${edit.id}`, body) : post('/api/snippets', body));
      await this.refreshSnippets();
    });
    (e.target as HTMLFormElement).reset();
  }

  private async refreshSnippets(): Promise<void> {
    store.snippets = await get('/api/snippets');
  }

  // ---- settings, outbox -------------------------------------------------------------------------

  private settings() {
    const s = this.extra.settings as Record<string, unknown> | undefined;
    if (!s) return html`<p>${t('loading')}</p>`;
    const number = (name: string, label: Key) => html`<label>${t(label)} <input name=${name} type="number" min="0" .value=${String(s[name] ?? '')} /></label>`;
    const check = (name: string, label: Key) => html`<label class="check"><input name=${name} type="checkbox" .checked=${Boolean(s[name])} /> ${t(label)}</label>`;
    return html`<form class="card form" @submit=${(e: SubmitEvent) => this.saveSettings(e)}>
      ${number('licences', 'licences')} ${number('slaSeconds', 'sla')} ${number('inactivityMinutes', 'inactivity')} ${number('offlineGraceSeconds', 'offlineGrace')}
      ${check('notifyOnHandoff', 'notifyHandoff')} ${check('emailNotifications', 'emailNotifications')}
      <p class="muted">${t('smtpNote', { t: String(this.extra.transport ?? 'pickup / smtp') })}</p>
      <div class="buttons"><button class="primary" type="submit">${t('save')}</button></div>
    </form>`;
  }

  private async saveSettings(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = formData(form);
    const body = {
      licences: Number(data.licences),
      slaSeconds: Number(data.slaSeconds),
      inactivityMinutes: Number(data.inactivityMinutes),
      offlineGraceSeconds: Number(data.offlineGraceSeconds),
      notifyOnHandoff: form.querySelector<HTMLInputElement>('input[name=notifyOnHandoff]')!.checked,
      emailNotifications: form.querySelector<HTMLInputElement>('input[name=emailNotifications]')!.checked,
    };
    await this.run(() => put('/api/settings', body));
  }

  private outbox() {
    return html`<p class="muted">${t('smtpNote', { t: String(this.extra.transport ?? '') })}</p>
      <button @click=${() => this.load()}>↻</button>
      ${this.rows.length === 0 ? html`<p class="muted">${t('none')}</p>` : nothing}
      <ul class="outbox">
        ${this.rows.map(
          (m) => html`<li class="card mail" data-kind=${String(m.kind ?? '')}>
            <div><strong>${t('subject')}:</strong> ${m.subject}</div>
            <div><strong>${t('to')}:</strong> ${(m.to as string[]).join(', ')} · ${formatTime(String(m.date))}</div>
            <pre>${m.text}</pre></li>`,
        )}
      </ul>`;
  }
}

customElements.define('cv-admin', AdminView);
