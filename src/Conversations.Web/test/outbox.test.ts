import { describe, expect, test } from 'vitest';
import { Outbox, type OutboxEntry, type SendOutcome } from '../src/widget/outbox';
import { memoryStore } from '../src/widget/storage';

const key = 'outbox';

describe('Outbox', () => {
  test('keeps entries across instances (a reload) with their clientMessageId', () => {
    const store = memoryStore();
    new Outbox(store, key).add({ clientMessageId: 'a', conversationId: 'c1', text: 'hello' });
    const reloaded = new Outbox(store, key);
    expect(reloaded.entries).toMatchObject([{ clientMessageId: 'a', text: 'hello', status: 'sending' }]);
  });

  test('sends in order and drops what was sent', async () => {
    const outbox = new Outbox(memoryStore(), key);
    outbox.add({ clientMessageId: 'a', conversationId: 'c1', text: '1' });
    outbox.add({ clientMessageId: 'b', conversationId: 'c1', text: '2' });
    const sent: string[] = [];
    await outbox.flush(async (entry) => {
      sent.push(entry.clientMessageId);
      return 'sent';
    });
    expect(sent).toEqual(['a', 'b']);
    expect(outbox.entries).toEqual([]);
  });

  test('a transient failure stops the run and keeps the rest for the next flush, same ids', async () => {
    const outbox = new Outbox(memoryStore(), key);
    outbox.add({ clientMessageId: 'a', conversationId: 'c1', text: '1' });
    outbox.add({ clientMessageId: 'b', conversationId: 'c1', text: '2' });
    const attempts: string[] = [];
    await outbox.flush(async (entry) => {
      attempts.push(entry.clientMessageId);
      return 'transient';
    });
    expect(attempts).toEqual(['a']);
    expect(outbox.entries.map((e) => [e.clientMessageId, e.status])).toEqual([['a', 'sending'], ['b', 'sending']]);

    await outbox.flush(async (entry) => {
      attempts.push(entry.clientMessageId);
      return 'sent';
    });
    expect(attempts).toEqual(['a', 'a', 'b']);
    expect(outbox.entries).toEqual([]);
  });

  test('a hub error marks the entry failed until retried', async () => {
    const outbox = new Outbox(memoryStore(), key);
    outbox.add({ clientMessageId: 'a', conversationId: 'c1', text: 'x' });
    await outbox.flush(async (): Promise<SendOutcome> => ({ failed: 'invalid_argument: text' }));
    expect(outbox.entries).toMatchObject([{ clientMessageId: 'a', status: 'failed', error: 'invalid_argument: text' }]);

    await outbox.flush(async () => 'sent');
    expect(outbox.entries).toHaveLength(1);

    outbox.retry('a');
    await outbox.flush(async () => 'sent');
    expect(outbox.entries).toEqual([]);
  });

  test('concurrent flushes share one run, so nothing is sent twice', async () => {
    const outbox = new Outbox(memoryStore(), key);
    outbox.add({ clientMessageId: 'a', conversationId: 'c1', text: 'x' });
    let sends = 0;
    const send = async (): Promise<SendOutcome> => {
      sends++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'sent';
    };
    await Promise.all([outbox.flush(send), outbox.flush(send)]);
    expect(sends).toBe(1);
  });

  test('acknowledging an entry seen live removes it; moveTo re-targets entries', () => {
    const outbox = new Outbox(memoryStore(), key);
    outbox.add({ clientMessageId: 'a', conversationId: '', text: 'typed before start' });
    outbox.moveTo('c2');
    expect(outbox.entries.map((e: OutboxEntry) => e.conversationId)).toEqual(['c2']);
    expect(outbox.acknowledge('a')).toBe(true);
    expect(outbox.acknowledge('a')).toBe(false);
  });

  test('unreadable stored data is treated as empty', () => {
    const store = memoryStore();
    store.setItem(key, '{not json');
    expect(new Outbox(store, key).entries).toEqual([]);
  });
});
