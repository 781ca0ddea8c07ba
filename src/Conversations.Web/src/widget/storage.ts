/** The part of Web Storage the widget uses, so tests and blocked-storage browsers can pass their own. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage when the browser lets this page use it (private modes and blocked third-party storage
 * throw), otherwise a memory store that lasts as long as the page. */
export function browserStore(): KeyValueStore {
  try {
    const store = window.localStorage;
    const probe = '__conversations_probe__';
    store.setItem(probe, probe);
    store.removeItem(probe);
    return store;
  } catch {
    return memoryStore();
  }
}

export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/** Reads JSON, treating anything unreadable (another version, a hand edit) as absent. */
export function readJson<T>(store: KeyValueStore, key: string, isValid: (value: unknown) => value is T): T | null {
  try {
    const raw = store.getItem(key);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

/** Writes JSON; a full or refused store loses the value rather than breaking the widget. */
export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing else to do: the conversation goes on, only resuming after a reload is lost.
  }
}
