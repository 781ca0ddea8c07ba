import { describe, expect, test } from 'vitest';
import { memoryStore, type KeyValueStore } from '../src/widget/storage';
import { TokenStore } from '../src/widget/token-store';

describe('TokenStore', () => {
  test('round-trips the token and conversation per site', () => {
    const store = memoryStore();
    new TokenStore(store, 'demo').write({ visitorToken: 't1', conversationId: 'c1' });
    expect(new TokenStore(store, 'demo').read()).toEqual({ visitorToken: 't1', conversationId: 'c1' });
    expect(new TokenStore(store, 'demo').hasConversation()).toBe(true);
    expect(new TokenStore(store, 'other').read()).toBeNull();
  });

  test('a token without a conversation does not count as one', () => {
    const store = memoryStore();
    const tokens = new TokenStore(store, 'demo');
    tokens.write({ visitorToken: 't1' });
    expect(tokens.hasConversation()).toBe(false);
  });

  test('garbage and wrong shapes read as absent', () => {
    const store = memoryStore();
    const tokens = new TokenStore(store, 'demo');
    store.setItem(tokens.storageKey, 'not json');
    expect(tokens.read()).toBeNull();
    store.setItem(tokens.storageKey, JSON.stringify({ visitorToken: 42 }));
    expect(tokens.read()).toBeNull();
    store.setItem(tokens.storageKey, JSON.stringify({ visitorToken: '' }));
    expect(tokens.read()).toBeNull();
  });

  test('a store that throws (blocked storage) does not break the widget', () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const tokens = new TokenStore(throwing, 'demo');
    expect(() => tokens.write({ visitorToken: 't' })).not.toThrow();
    expect(tokens.read()).toBeNull();
    expect(() => tokens.clear()).not.toThrow();
  });

  test('uses localStorage in a browser', async () => {
    const { browserStore } = await import('../src/widget/storage');
    const tokens = new TokenStore(browserStore(), 'demo');
    tokens.write({ visitorToken: 'abc', conversationId: 'c9' });
    expect(JSON.parse(localStorage.getItem(tokens.storageKey)!)).toEqual({ visitorToken: 'abc', conversationId: 'c9' });
    tokens.clear();
    expect(localStorage.getItem(tokens.storageKey)).toBeNull();
  });
});
