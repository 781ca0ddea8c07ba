import type { Message } from '../shared/types';

/** Merges messages into a conversation's timeline: one entry per seq (a message seen twice, live and
 * through history, is kept once), ordered by seq, notes never shown to a customer. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const bySeq = new Map<number, Message>();
  for (const message of current) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    if (message.kind === 'note' || bySeq.has(message.seq)) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  if (!changed) return current as Message[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq held, 0 when none. */
export function lastSeq(messages: readonly Message[]): number {
  return messages.length === 0 ? 0 : messages[messages.length - 1].seq;
}

/** True when a live message does not follow the last one held: messages were missed in between. */
export function hasGapBefore(messages: readonly Message[], next: Message): boolean {
  const last = lastSeq(messages);
  return last > 0 && next.seq > last + 1;
}

/** Fetches a page of history ending before `beforeSeq` (the newest page when undefined), oldest first. */
export type HistoryPage = (beforeSeq: number | undefined) => Promise<Message[]>;

/** Everything after `afterSeq`: pages backwards from the newest until the page reaches `afterSeq` (or the
 * conversation's start), so nothing in between is skipped however much was missed. */
export async function catchUp(afterSeq: number, page: HistoryPage, maxPages = 50): Promise<Message[]> {
  let collected: Message[] = [];
  let before: number | undefined;
  for (let i = 0; i < maxPages; i++) {
    const messages = await page(before);
    collected = mergeMessages(collected, messages);
    if (messages.length === 0) break;
    const oldest = Math.min(...messages.map((m) => m.seq));
    if (oldest <= afterSeq + 1 || oldest <= 1) break;
    before = oldest;
  }
  return collected.filter((m) => m.seq > afterSeq);
}
