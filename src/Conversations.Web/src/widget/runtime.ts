import { css, html, LitElement, nothing } from 'lit';

/** What the lazily loaded chunks (vite.lazy.config.ts) take from widget.js instead of bundling their own. */
export interface WidgetRuntime {
  lit: { LitElement: typeof LitElement; html: typeof html; css: typeof css; nothing: typeof nothing };
}

declare global {
  // eslint-disable-next-line no-var
  var __conversationsWidgetRuntime: WidgetRuntime | undefined;
}

export type ChunkName = 'viewer' | 'rating' | 'emoji';

/** Publishes Lit for the chunks and loads them, once each, from beside widget.js. */
export class ChunkLoader {
  private readonly loading = new Map<ChunkName, Promise<unknown>>();

  constructor(private readonly baseUrl: string) {
    globalThis.__conversationsWidgetRuntime ??= { lit: { LitElement, html, css, nothing } };
  }

  load(name: ChunkName): Promise<unknown> {
    let chunk = this.loading.get(name);
    if (!chunk) {
      chunk = import(/* @vite-ignore */ new URL(`widget/${name}.js`, this.baseUrl).href);
      chunk.catch(() => this.loading.delete(name));
      this.loading.set(name, chunk);
    }
    return chunk;
  }
}
