/** Identity a host page vouches for: `hash` is the HMAC the site's secret gives `userId` (server-checked). */
export interface WidgetIdentity {
  userId: string;
  email?: string;
  name?: string;
  hash: string;
}

export type WidgetEventName = 'message' | 'open' | 'close';

/** The one global (`window.Conversations`) a host page uses to drive the widget. */
export interface ConversationsApi {
  open(): void;
  close(): void;
  identify(identity: WidgetIdentity): void;
  setVariables(variables: Record<string, string>): void;
  /** Subscribes to an event; returns a function that unsubscribes. */
  on(event: WidgetEventName, handler: (detail: unknown) => void): () => void;
}
