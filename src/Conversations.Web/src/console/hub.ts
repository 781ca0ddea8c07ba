import * as signalR from '@microsoft/signalr';

/** The console hub connection, reconnecting on its own; handlers survive reconnects. */
export class ConsoleHub {
  readonly connection: signalR.HubConnection;
  private readonly reconnected = new Set<() => void>();

  constructor() {
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/console')
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.onreconnected(() => this.reconnected.forEach((r) => r()));
  }

  start(): Promise<void> {
    return this.connection.start();
  }

  stop(): Promise<void> {
    return this.connection.stop();
  }

  on<T>(event: string, handler: (payload: T) => void): void {
    this.connection.on(event, handler);
  }

  onReconnected(handler: () => void): void {
    this.reconnected.add(handler);
  }

  invoke<T = void>(method: string, argument?: unknown): Promise<T> {
    return argument === undefined ? this.connection.invoke<T>(method) : this.connection.invoke<T>(method, argument);
  }

  get connected(): boolean {
    return this.connection.state === signalR.HubConnectionState.Connected;
  }
}

/** A hub error as words: the server sends "code: message naming the field". */
export function hubErrorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const marker = 'HubException: ';
  const at = text.indexOf(marker);
  return at >= 0 ? text.slice(at + marker.length) : text;
}
