import { describe, expect, test } from 'vitest';
import type { Message } from '../src/shared/types';
import { catchUp, hasGapBefore, lastSeq, mergeMessages } from '../src/widget/timeline';

const message = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  kind: 'text',
  author: { kind: 'bot', name: 'Bot' },
  text: `text ${seq}`,
  createdAt: new Date(0).toISOString(),
  ...extra,
});

describe('mergeMessages', () => {
  test('orders by seq and keeps a message seen twice once', () => {
    const merged = mergeMessages([message(1), message(3)], [message(2), message(3), message(1)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  test('never shows notes', () => {
    expect(mergeMessages([], [message(1, { kind: 'note' }), message(2)]).map((m) => m.seq)).toEqual([2]);
  });

  test('returns the same array when nothing is new', () => {
    const current = [message(1)];
    expect(mergeMessages(current, [message(1)])).toBe(current);
  });
});

describe('gaps', () => {
  test('a live message after a missed one is a gap, the next one is not', () => {
    expect(hasGapBefore([message(1), message(2)], message(4))).toBe(true);
    expect(hasGapBefore([message(1), message(2)], message(3))).toBe(false);
    expect(hasGapBefore([], message(7))).toBe(false);
    expect(lastSeq([])).toBe(0);
  });
});

describe('catchUp', () => {
  // A server history of seq 1..n answering like the hub's `history` (newest page, or before a seq).
  const server = (n: number, pages: (number | undefined)[]) => async (beforeSeq: number | undefined) => {
    pages.push(beforeSeq);
    const end = (beforeSeq ?? n + 1) - 1;
    const start = Math.max(1, end - 9);
    return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => message(start + i));
  };

  test('pages back until the last seq held, with no gap and no duplicate', async () => {
    const pages: (number | undefined)[] = [];
    const missed = await catchUp(12, server(40, pages));
    expect(missed.map((m) => m.seq)).toEqual(Array.from({ length: 28 }, (_, i) => 13 + i));
    expect(pages).toEqual([undefined, 31, 21]);
  });

  test('one page when little was missed', async () => {
    const pages: (number | undefined)[] = [];
    const missed = await catchUp(38, server(40, pages));
    expect(missed.map((m) => m.seq)).toEqual([39, 40]);
    expect(pages).toEqual([undefined]);
  });

  test('nothing missed gives nothing', async () => {
    expect(await catchUp(40, server(40, []))).toEqual([]);
  });

  test('stops at the start of the conversation', async () => {
    const pages: (number | undefined)[] = [];
    const missed = await catchUp(0, server(15, pages));
    expect(missed.map((m) => m.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(pages).toEqual([undefined, 6]);
  });
});
