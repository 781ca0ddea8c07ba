import { readJson, writeJson, type KeyValueStore } from './storage';

/** What resumes a visitor's conversation after a reload or in another tab. */
export interface VisitorRecord {
  visitorToken: string;
  conversationId?: string;
}

const isRecord = (value: unknown): value is VisitorRecord =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as VisitorRecord).visitorToken === 'string' &&
  (value as VisitorRecord).visitorToken.length > 0 &&
  ((value as VisitorRecord).conversationId === undefined || typeof (value as VisitorRecord).conversationId === 'string');

/** The visitor token and current conversation per site, in localStorage (one key per site, so two
 * widgets of different sites on one origin keep apart). */
export class TokenStore {
  private readonly key: string;

  constructor(
    private readonly store: KeyValueStore,
    siteId: string,
  ) {
    this.key = `conversations.widget.${siteId}.visitor`;
  }

  read(): VisitorRecord | null {
    return readJson(this.store, this.key, isRecord);
  }

  write(record: VisitorRecord): void {
    writeJson(this.store, this.key, record);
  }

  clear(): void {
    try {
      this.store.removeItem(this.key);
    } catch {
      // A refused store has nothing to clear.
    }
  }

  /** True when this visitor has a conversation to resume: then the widget connects on load. */
  hasConversation(): boolean {
    return Boolean(this.read()?.conversationId);
  }

  /** The storage key, for listening to other tabs' changes. */
  get storageKey(): string {
    return this.key;
  }
}
