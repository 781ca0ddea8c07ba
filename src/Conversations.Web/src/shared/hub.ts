import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';

/** Waits before the n-th attempt (0-based) to reach the server again: quick at first, then every 15 s
 * or so, with jitter so that many clients cut off together do not come back in one wave. Never gives up. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const steps = [0, 1_000, 2_000, 5_000, 10_000];
  const base = attempt < steps.length ? steps[attempt] : 15_000;
  return base === 0 ? 0 : Math.round(base * (0.8 + random() * 0.4));
}

/** A JSON-protocol hub connection. It does not reconnect by itself: a client reconnects on its own
 * terms (it knows when the browser is offline, and must call its hub's start again after a reconnect). */
export function createHubConnection(url: string): HubConnection {
  return new HubConnectionBuilder().withUrl(url).configureLogging(LogLevel.None).build();
}

/** A hub error (the server refused the call), as opposed to a call lost with the connection. Hub errors
 * read "code: message" after SignalR's prefix. */
export function hubErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const marker = 'HubException: ';
  const at = text.indexOf(marker);
  return at >= 0 ? text.slice(at + marker.length) : text;
}
