import { html, nothing } from 'lit';
import { formatTime, t } from '../i18n';
import type { ConversationSummary } from '../logic/types';
import { store } from '../store';
import type { ConsoleApp } from '../app';

export const ROW_HEIGHT = 68;
const OVERSCAN = 8;

/** The red eye of a monitored conversation, drawn so it shows without an emoji font. */
export const eye = html`<svg class="eye" viewBox="0 0 24 16" width="18" height="12" aria-hidden="true"><path d="M12 1C6 1 2 8 2 8s4 7 10 7 10-7 10-7-4-7-10-7z" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="12" cy="8" r="3" fill="currentColor"/></svg>`;

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** A virtualised list: only the rows in view (and a few around) exist in the page, so 10,000 rows
 * scroll as fast as 50; the next REST page loads as the end comes near. */
export function renderList(app: ConsoleApp) {
  const items = store.list.items;
  const first = Math.max(0, Math.floor(app.listScrollTop / ROW_HEIGHT) - OVERSCAN);
  const count = Math.ceil(app.listHeight / ROW_HEIGHT) + OVERSCAN * 2;
  const visible = items.slice(first, first + count);
  return html`<div class="vlist" role="listbox" aria-label=${t('livechat')} tabindex="0" data-count=${items.length} @scroll=${(e: Event) => app.onListScroll(e)}>
    <div class="vlist-spacer" style="height:${items.length * ROW_HEIGHT}px">
      ${visible.map((s, i) => row(app, s, first + i))}
    </div>
    ${items.length === 0 && !store.loadingPage && store.list.loadedFirstPage ? html`<p class="empty">${t('noConversations')}</p>` : nothing}
    ${store.loadingPage ? html`<p class="empty">${t('loading')}</p>` : nothing}
  </div>`;
}

function row(app: ConsoleApp, s: ConversationSummary, index: number) {
  const selected = s.id === store.selectedId;
  const classes = ['row', selected ? 'selected' : '', s.unread > 0 ? 'unread' : '', s.status].join(' ');
  const last = s.lastMessage;
  return html`<div
    class=${classes}
    role="option"
    aria-selected=${selected ? 'true' : 'false'}
    data-id=${s.id}
    style="top:${index * ROW_HEIGHT}px"
    @click=${() => app.open(s.id)}
  >
    <span class="avatar ${s.unanswered && s.status !== 'closed' ? 'unanswered' : ''}" title=${s.unanswered ? t('unanswered') : ''}>
      ${initials(s.contact.displayName)}
      ${s.contact.online ? html`<span class="online-dot" title=${t('customerOnline')} aria-label=${t('customerOnline')}></span>` : nothing}
    </span>
    <span class="row-main">
      <span class="row-top">
        <span class="name">${s.contact.displayName}</span>
        ${s.monitored !== 'none' ? html`<span class="eye" title=${t('monitored')} role="img" aria-label=${t('monitored')}>${eye}</span>` : nothing}
        <span class="time">${formatTime(last?.createdAt ?? s.waitingSince)}</span>
      </span>
      <span class="row-bottom">
        <span class="preview">${last?.text ?? (last ? `[${t('image')}]` : '')}</span>
        ${s.status === 'waiting' ? html`<span class="chip orange">${t('waiting')}</span>` : nothing}
        ${s.assignedAgent && s.status !== 'waiting' ? html`<span class="chip">${s.assignedAgent.name}</span>` : nothing}
        ${s.unread > 0 ? html`<span class="badge green" aria-label="${s.unread} ${t('unread')}">${s.unread}</span>` : nothing}
      </span>
    </span>
  </div>`;
}
