import { LitElement, html, nothing } from 'lit';
import { get } from '../api';
import { formatDuration, onLocaleChange, t } from '../i18n';
import type { AgentStatus } from '../logic/types';
import { store } from '../store';

interface Floor {
  agents: { id: string; displayName: string; status: AgentStatus; activeConversations: number; capacity: number; load: number; licensed: boolean }[];
  waiting: { conversationId: string; siteId: string; teamId?: string | null; contactName: string; waitingSince: string; waitSeconds: number }[];
  agentsOnline: number;
}

/** Supervisors' floor view: agents with status and load, the queue with its waits, assign from it.
 * Refreshed on the hub's presence, counters and conversation events (at most once a second) and every
 * five seconds for the waits. */
export class FloorView extends LitElement {
  static override properties = { floor: { state: true } };
  floor: Floor | null = null;
  private timer: number | undefined;
  private pending = false;
  private readonly onStore = () => this.refreshSoon();
  private stopLocale: (() => void) | undefined;

  override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    store.addEventListener('change', this.onStore);
    // A language switch re-renders at once, not at the next refresh.
    this.stopLocale = onLocaleChange(() => this.requestUpdate());
    this.timer = window.setInterval(() => void this.refresh(), 5000);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    store.removeEventListener('change', this.onStore);
    this.stopLocale?.();
    clearInterval(this.timer);
  }

  private refreshSoon(): void {
    if (this.pending) return;
    this.pending = true;
    window.setTimeout(() => {
      this.pending = false;
      void this.refresh();
    }, 1000);
  }

  private async refresh(): Promise<void> {
    try {
      this.floor = await get<Floor>('/api/floor');
    } catch (e) {
      store.fail(e);
    }
  }

  private async assign(conversationId: string, agentId: string): Promise<void> {
    if (!agentId) return;
    try {
      await store.hub?.invoke('assign', { conversationId, agentId });
      await this.refresh();
    } catch (e) {
      store.fail(e);
    }
  }

  override render() {
    const f = this.floor;
    if (!f) return html`<p class="centered">${t('loading')}</p>`;
    const online = f.agents.filter((a) => a.status === 'online' && a.licensed);
    return html`<div class="floor">
      <section aria-labelledby="floor-agents">
        <h2 id="floor-agents">${t('agents')} <span class="muted">${t('agentsOnline', { n: f.agentsOnline })}</span></h2>
        <table>
          <thead><tr><th>${t('name')}</th><th>${t('status')}</th><th>${t('activeChats')}</th><th>${t('load')}</th></tr></thead>
          <tbody>
            ${f.agents.map(
              (a) => html`<tr data-agent=${a.id}>
                <td>${a.displayName}</td>
                <td><span class="dot status-${a.status}"></span> ${t(a.status)}</td>
                <td>${a.activeConversations} / ${a.capacity}</td>
                <td><meter min="0" max="1" .value=${a.load} aria-label="${t('load')} ${a.displayName}"></meter> ${Math.round(a.load * 100)} %</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="floor-queue">
        <h2 id="floor-queue">${t('queue')} <span class="badge orange">${f.waiting.length}</span></h2>
        ${f.waiting.length === 0 ? html`<p class="muted">${t('noConversations')}</p>` : nothing}
        <table>
          <tbody>
            ${f.waiting.map(
              (w) => html`<tr data-conversation=${w.conversationId}>
                <td><a href="#/conversations/${encodeURIComponent(w.conversationId)}">${w.contactName}</a></td>
                <td>${w.siteId}${w.teamId ? ` · ${w.teamId}` : ''}</td>
                <td>${t('waitingFor', { t: formatDuration(w.waitSeconds) })}</td>
                <td><label>${t('assign')}
                  <select @change=${(e: Event) => this.assign(w.conversationId, (e.target as HTMLSelectElement).value)}>
                    <option value="">—</option>
                    ${online.map((a) => html`<option value=${a.id}>${a.displayName} (${a.activeConversations}/${a.capacity})</option>`)}
                  </select></label></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
    </div>`;
  }
}

customElements.define('cv-floor', FloorView);
