import { html, nothing } from 'lit';
import { put } from '../api';
import { formatTime, t } from '../i18n';
import { store } from '../store';

const shown = ['name', 'email', 'sessions', 'locale', 'page', 'url'];

async function saveFields(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  if (!store.contact) return;
  const form = e.target as HTMLFormElement;
  const fields: Record<string, string> = {};
  form.querySelectorAll<HTMLInputElement>('input[data-field]').forEach((input) => (fields[input.dataset.field!] = input.value));
  const name = (form.querySelector<HTMLInputElement>('input[name=newName]')?.value ?? '').trim();
  const value = form.querySelector<HTMLInputElement>('input[name=newValue]')?.value ?? '';
  if (name) fields[name] = value;
  try {
    store.contact = { ...store.contact, ...(await put<typeof store.contact>(`/api/contacts/${encodeURIComponent(store.contact.id)}/fields`, { fields })) };
    form.querySelectorAll<HTMLInputElement>('input[name=newName], input[name=newValue]').forEach((i) => (i.value = ''));
    store.changed();
  } catch (error) {
    store.fail(error);
  }
}

/** The customer: variables, editable custom fields, previous conversations. */
export function renderSide() {
  const detail = store.detail;
  if (!detail) return nothing;
  const contact = store.contact;
  const variables: Record<string, string> = { ...(contact?.variables ?? {}), ...detail.contact.variables };
  if (contact?.email) variables.email ??= contact.email;
  if (contact?.locale) variables.locale ??= contact.locale;
  const keys = Object.keys(variables).sort((a, b) => (shown.indexOf(a) + 1 || 99) - (shown.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const previous = (contact?.conversations ?? []).filter((c) => c.id !== detail.id);
  return html`<h2>${t('variables')}</h2>
    <dl class="variables" data-testid="variables">
      <dt>${t('name')}</dt><dd>${detail.contact.displayName}</dd>
      ${keys.map((k) => html`<dt>${k}</dt><dd>${variables[k]}</dd>`)}
    </dl>
    <h2>${t('customFields')}</h2>
    <form class="fields" @submit=${saveFields}>
      ${Object.entries(contact?.customFields ?? {}).map(([k, v]) => html`<label>${k} <input data-field=${k} .value=${v} /></label>`)}
      <div class="new-field">
        <input name="newName" aria-label=${t('fieldName')} placeholder=${t('fieldName')} />
        <input name="newValue" aria-label=${t('fieldValue')} placeholder=${t('fieldValue')} />
      </div>
      <button type="submit">${t('save')}</button>
    </form>
    <h2>${t('previous')}</h2>
    ${previous.length === 0
      ? html`<p class="muted">${t('none')}</p>`
      : html`<ul class="previous">${previous.map(
          (c) => html`<li><a href="#/conversations/${encodeURIComponent(c.id)}">${formatTime(c.lastMessage?.createdAt)} · ${t(c.status === 'closed' ? 'closed' : c.status === 'bot' ? 'bot' : 'livechat')}</a>
            <span class="preview">${c.lastMessage?.text ?? ''}</span></li>`,
        )}</ul>`}`;
}
