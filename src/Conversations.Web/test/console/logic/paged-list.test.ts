import { describe, expect, it } from 'vitest';
import { PagedList, matches } from '../../../src/console/logic/paged-list.ts';
import type { ConversationSummary, ListQuery } from '../../../src/console/logic/types.ts';

function summary(id: string, change: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    siteId: 'demo',
    channelId: 'demo',
    status: 'waiting',
    assignedAgent: null,
    contact: { id: `c-${id}`, displayName: `Visitor ${id}`, online: true },
    lastMessage: { text: 'hello', authorKind: 'customer', createdAt: '2026-01-01T00:00:00Z' },
    unread: 0,
    unanswered: true,
    waitingSince: '2026-01-01T00:00:00Z',
    monitored: 'none',
    ...change,
  };
}

const live: ListQuery = { view: 'live', filter: 'all', agentId: 'agent1' };

describe('PagedList', () => {
  it('appends pages in order and skips duplicates', () => {
    const list = new PagedList(live);
    list.appendPage([summary('a'), summary('b')], 'cursor1');
    list.appendPage([summary('b'), summary('c')], null);
    expect(list.items.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(list.hasMore).toBe(false);
  });

  it('moves an updated row to the top', () => {
    const list = new PagedList(live);
    list.appendPage([summary('a'), summary('b'), summary('c')], null);
    expect(list.apply(summary('c', { lastMessage: { text: 'new', authorKind: 'customer', createdAt: '2026-01-02T00:00:00Z' } }))).toBe('moved');
    expect(list.items.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(list.get('c')?.lastMessage?.text).toBe('new');
  });

  it('inserts a new matching row at the top', () => {
    const list = new PagedList(live);
    list.appendPage([summary('a')], null);
    expect(list.apply(summary('z'))).toBe('inserted');
    expect(list.items.map((s) => s.id)).toEqual(['z', 'a']);
  });

  it('removes a row that stops matching the view', () => {
    const list = new PagedList(live);
    list.appendPage([summary('a'), summary('b')], null);
    expect(list.apply(summary('a', { status: 'closed' }))).toBe('removed');
    expect(list.items.map((s) => s.id)).toEqual(['b']);
    expect(list.has('a')).toBe(false);
  });

  it('ignores a row of another view', () => {
    const list = new PagedList({ view: 'closed', filter: 'all', agentId: 'agent1' });
    expect(list.apply(summary('a'))).toBe('ignored');
    expect(list.items).toHaveLength(0);
  });

  it('follows the filters', () => {
    const mine = new PagedList({ ...live, filter: 'mine' });
    mine.appendPage([], null);
    expect(mine.apply(summary('a', { status: 'live', assignedAgent: { id: 'agent2', name: 'Two' } }))).toBe('ignored');
    expect(mine.apply(summary('a', { status: 'live', assignedAgent: { id: 'agent1', name: 'One' } }))).toBe('inserted');
    expect(mine.apply(summary('a', { status: 'live', assignedAgent: { id: 'agent2', name: 'Two' } }))).toBe('removed');

    const unassigned = new PagedList({ ...live, filter: 'unassigned' });
    expect(unassigned.apply(summary('b'))).toBe('inserted');
    expect(unassigned.apply(summary('b', { status: 'live', assignedAgent: { id: 'agent1', name: 'One' } }))).toBe('removed');

    const unread = new PagedList({ ...live, filter: 'unread' });
    expect(unread.apply(summary('c', { unread: 0 }))).toBe('ignored');
    expect(unread.apply(summary('c', { unread: 2 }))).toBe('inserted');
  });

  it('keeps to its site tab', () => {
    const list = new PagedList({ ...live, siteId: 'shop' });
    expect(list.apply(summary('a', { siteId: 'demo' }))).toBe('ignored');
    expect(list.apply(summary('b', { siteId: 'shop' }))).toBe('inserted');
  });

  it('under a search, takes rows that show the words and keeps rows it has', () => {
    const list = new PagedList({ ...live, q: 'refund' });
    list.appendPage([summary('a', { lastMessage: { text: 'about my refund', authorKind: 'customer', createdAt: '2026-01-01T00:00:00Z' } })], null);
    // The server matched 'a' on its history; a new message without the word must not drop it.
    expect(list.apply(summary('a', { lastMessage: { text: 'thanks', authorKind: 'customer', createdAt: '2026-01-02T00:00:00Z' } }))).toBe('moved');
    expect(list.apply(summary('b', { lastMessage: { text: 'hello', authorKind: 'customer', createdAt: '2026-01-02T00:00:00Z' } }))).toBe('ignored');
    expect(list.apply(summary('c', { lastMessage: { text: 'A REFUND please', authorKind: 'customer', createdAt: '2026-01-02T00:00:00Z' } }))).toBe('inserted');
  });

  it('patches rows in place', () => {
    const list = new PagedList(live);
    list.appendPage([summary('a'), summary('b')], null);
    const changed = list.patch((s) => s.contact.id === 'c-b', (s) => ({ ...s, contact: { ...s.contact, online: false } }));
    expect(changed).toBe(1);
    expect(list.items.map((s) => s.id)).toEqual(['a', 'b']);
    expect(list.get('b')?.contact.online).toBe(false);
  });

  it('stays fast with 10,000 rows', () => {
    const list = new PagedList(live);
    const page = Array.from({ length: 10_000 }, (_, i) => summary(`r${i}`));
    list.appendPage(page, null);
    const started = performance.now();
    for (let i = 0; i < 200; i++) list.apply(summary(`r${9_999 - i}`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(list.items[0].id).toBe('r9800');
    expect(list.items).toHaveLength(10_000);
  });
});

describe('matches', () => {
  it('maps views to statuses', () => {
    expect(matches(summary('a', { status: 'bot' }), { ...live, view: 'bot' })).toBe(true);
    expect(matches(summary('a', { status: 'live' }), live)).toBe(true);
    expect(matches(summary('a', { status: 'bot' }), live)).toBe(false);
  });
});
