import type { Attachment } from '../shared/types';
import { readJson, writeJson, type KeyValueStore } from './storage';

/** A customer message not yet acknowledged by the server. */
export interface OutboxEntry {
  clientMessageId: string;
  conversationId: string;
  text?: string;
  attachment?: Attachment;
  createdAt: string;
  /** `sending` until acknowledged (also while offline); `failed` after a hub error, until retried. */
  status: 'sending' | 'failed';
  error?: string;
}

export type SendOutcome = 'sent' | 'transient' | { failed: string };

const isEntries = (value: unknown): value is OutboxEntry[] =>
  Array.isArray(value) &&
  value.every((e) => typeof e === 'object' && e !== null && typeof e.clientMessageId === 'string' && typeof e.conversationId === 'string');

/** Messages typed but not acknowledged, kept in storage so neither a network cut nor a reload loses them.
 * Each keeps its clientMessageId for ever, so sending it again (after a lost acknowledgement, from
 * another tab) stores it once. */
export class Outbox {
  private items: OutboxEntry[];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {
    this.items = readJson(store, key, isEntries) ?? [];
  }

  get entries(): readonly OutboxEntry[] {
    return this.items;
  }

  add(entry: Omit<OutboxEntry, 'status' | 'createdAt'> & { createdAt?: string }): OutboxEntry {
    const added: OutboxEntry = { ...entry, createdAt: entry.createdAt ?? new Date().toISOString(), status: 'sending' };
    this.items = [...this.items, added];
    this.save();
    return added;
  }

  /** Drops an entry once the server has stored it (its acknowledgement, or its message seen live). */
  acknowledge(clientMessageId: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((e) => e.clientMessageId !== clientMessageId);
    if (this.items.length === before) return false;
    this.save();
    return true;
  }

  /** Puts a failed entry back in line. */
  retry(clientMessageId: string): void {
    this.update(clientMessageId, { status: 'sending', error: undefined });
  }

  /** Moves entries of a conversation that ended to the one that replaced it. */
  moveTo(conversationId: string): void {
    this.items = this.items.map((e) => ({ ...e, conversationId }));
    this.save();
  }

  /** Sends every `sending` entry, oldest first, one at a time so the order is kept. A transient
   * outcome (the connection went away) stops the run and leaves the rest for the next flush; a hub
   * error marks the entry failed and goes on. Concurrent calls share one run. */
  flush(send: (entry: OutboxEntry) => Promise<SendOutcome>): Promise<void> {
    this.flushing ??= this.run(send).finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async run(send: (entry: OutboxEntry) => Promise<SendOutcome>): Promise<void> {
    for (;;) {
      const next = this.items.find((e) => e.status === 'sending');
      if (!next) return;
      const outcome = await send(next);
      if (outcome === 'sent') this.acknowledge(next.clientMessageId);
      else if (outcome === 'transient') return;
      else this.update(next.clientMessageId, { status: 'failed', error: outcome.failed });
    }
  }

  private update(clientMessageId: string, change: Partial<OutboxEntry>): void {
    this.items = this.items.map((e) => (e.clientMessageId === clientMessageId ? { ...e, ...change } : e));
    this.save();
  }

  private save(): void {
    writeJson(this.store, this.key, this.items);
  }
}

/** A client message id unique enough across tabs and reloads. */
export function newClientMessageId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
