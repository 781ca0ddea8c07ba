import type { ConversationSummary, ListQuery, Status, View } from './types';

const statusesOf: Record<View, Status[]> = {
  live: ['waiting', 'live'],
  closed: ['closed'],
  bot: ['bot'],
};

/** Whether a summary belongs in the list the query describes, as far as the client can tell. Search
 * runs on the server over message history too, so a row that does not show the words is not proof it
 * does not match: `search` answers "unknown" then. */
export function matches(summary: ConversationSummary, query: ListQuery): boolean | 'unknown' {
  if (!statusesOf[query.view].includes(summary.status)) return false;
  if (query.siteId && summary.siteId !== query.siteId) return false;
  switch (query.filter) {
    case 'unassigned':
      if (summary.assignedAgent) return false;
      break;
    case 'mine':
      if (summary.assignedAgent?.id !== query.agentId) return false;
      break;
    case 'unread':
      if (summary.unread <= 0) return false;
      break;
  }
  const q = query.q?.trim().toLocaleLowerCase();
  if (!q) return true;
  const haystack = `${summary.contact.displayName}\n${summary.lastMessage?.text ?? ''}`.toLocaleLowerCase();
  return haystack.includes(q) ? true : 'unknown';
}

export type MergeOutcome = 'inserted' | 'moved' | 'removed' | 'ignored';

/**
 * A conversation list loaded page by page over the REST keyset paging (newest activity first) and
 * kept current by the hub's `conversation` events. Any change to a conversation bumps its activity on
 * the server, so a live update goes to the top; a row that no longer matches leaves. Pages fetched
 * after a row moved up cannot hold it again (their cursor is older), but rows are deduplicated anyway.
 */
export class PagedList {
  // Order as ids (native indexOf/splice/unshift are memmoves, cheap at 10,000 rows) and rows by id.
  private _order: string[] = [];
  private readonly _rows = new Map<string, ConversationSummary>();
  private _items: ConversationSummary[] | null = [];
  nextCursor: string | null = null;
  loadedFirstPage = false;

  constructor(readonly query: ListQuery) {}

  /** The rows in list order; rebuilt once after a batch of changes, not on every change. */
  get items(): readonly ConversationSummary[] {
    this._items ??= this._order.map((id) => this._rows.get(id)!);
    return this._items;
  }

  get size(): number {
    return this._order.length;
  }

  get hasMore(): boolean {
    return !this.loadedFirstPage || this.nextCursor !== null;
  }

  has(id: string): boolean {
    return this._rows.has(id);
  }

  get(id: string): ConversationSummary | undefined {
    return this._rows.get(id);
  }

  /** Appends a page from `GET /api/conversations`, skipping rows a live update already placed. */
  appendPage(items: readonly ConversationSummary[], nextCursor: string | null | undefined): void {
    this.loadedFirstPage = true;
    this.nextCursor = nextCursor ?? null;
    for (const item of items) {
      if (!this._rows.has(item.id)) {
        this._rows.set(item.id, item);
        this._order.push(item.id);
      }
    }
    this._items = null;
  }

  /** Applies a live `conversation` event. */
  apply(summary: ConversationSummary): MergeOutcome {
    const present = this._rows.has(summary.id);
    const match = matches(summary, this.query);
    if (match === false) {
      if (!present) return 'ignored';
      this.remove(summary.id);
      return 'removed';
    }
    // A search the client cannot evaluate keeps rows it has and takes no new ones.
    if (match === 'unknown' && !present) return 'ignored';
    if (present) this._order.splice(this._order.indexOf(summary.id), 1);
    this._order.unshift(summary.id);
    this._rows.set(summary.id, summary);
    this._items = null;
    return present ? 'moved' : 'inserted';
  }

  /** Patches rows in place without moving them (presence, for example, is not activity). */
  patch(predicate: (s: ConversationSummary) => boolean, change: (s: ConversationSummary) => ConversationSummary): number {
    let changed = 0;
    for (const [id, row] of this._rows) {
      if (predicate(row)) {
        this._rows.set(id, change(row));
        changed++;
      }
    }
    if (changed > 0) this._items = null;
    return changed;
  }

  remove(id: string): void {
    if (!this._rows.delete(id)) return;
    this._order.splice(this._order.indexOf(id), 1);
    this._items = null;
  }
}
