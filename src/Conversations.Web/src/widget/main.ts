import { pickLocale, translator } from '../shared/i18n';
import type { ConversationsApi, WidgetEventName } from './api';
import { ChunkLoader } from './runtime';
import { ChatSession } from './session';
import { browserStore } from './storage';
import { strings } from './strings';
import { loadConfig } from './widget-config';
import { ConversationsWidgetElement } from './widget-element';

declare global {
  interface Window {
    Conversations?: ConversationsApi;
  }
}

const elementName = 'conversations-widget';

// <script src=".../widget.js" data-site="demo" [data-locale="fr"] [data-open] async>: currentScript is
// set while a classic script runs, async or not.
const script = document.currentScript as HTMLScriptElement | null;

function boot(script: HTMLScriptElement): void {
  const siteId = script.dataset.site;
  if (!siteId) {
    console.error('Conversations widget: the script tag needs data-site="<site id>".');
    return;
  }
  const scriptUrl = script.src;
  const serverUrl = new URL('/', scriptUrl).href;
  const locale = pickLocale(['en', 'fr'], [script.dataset.locale, ...(navigator.languages ?? []), navigator.language], 'en');
  const store = browserStore();
  const session = new ChatSession({ serverUrl, siteId, locale, store });
  const handlers = new Map<WidgetEventName, Set<(detail: unknown) => void>>();
  const emit = (event: WidgetEventName, detail: unknown) => handlers.get(event)?.forEach((handler) => handler(detail));

  // A visitor with a conversation reconnects at once (to receive replies); others only when they open.
  if (session.hasConversation) void session.connect();

  if (!customElements.get(elementName)) customElements.define(elementName, ConversationsWidgetElement);
  const element = document.createElement(elementName) as ConversationsWidgetElement;
  let pending: 'open' | 'close' | undefined = script.hasAttribute('data-open') ? 'open' : undefined;
  let ready = false;

  window.Conversations = {
    open: () => (ready ? element.open() : (pending = 'open')),
    close: () => (ready ? element.close() : (pending = 'close')),
    identify: (identity) => session.identify(identity),
    setVariables: (variables) => session.setVariables(variables),
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler);
      return () => set.delete(handler);
    },
  };

  const openKey = `conversations.widget.${siteId}.open`;
  void loadConfig(serverUrl, siteId).then((config) => {
    element.configure({
      session,
      t: translator(strings, locale),
      locale,
      config,
      chunks: new ChunkLoader(scriptUrl),
      serverUrl,
      emit,
      openStore: {
        get: () => {
          try {
            return sessionStorage.getItem(openKey) === '1';
          } catch {
            return false;
          }
        },
        set: (open) => {
          try {
            sessionStorage.setItem(openKey, open ? '1' : '0');
          } catch {
            // Reopening after a reload is a nicety.
          }
        },
      },
    });
    (document.body ?? document.documentElement).append(element);
    ready = true;
    if (pending === 'open') element.open();
  });
}

if (script) boot(script);
