import { html, nothing } from 'lit';
import { LocalizedElement } from '../assistants/localized-element';
import { ApiError, get, query } from '../api';
import { ta } from '../assistants/strings';

interface Article {
  assistantId?: string;
  id: string;
  language: string;
  title: string;
  excerpt: string;
  html: string;
  score?: number;
}

/** The published knowledge articles, listed or searched with the assistant's own ranking. An article's
 * body is HTML sanitized by the server; it is shown in a sandboxed frame besides, where no script runs. */
export class KnowledgeView extends LocalizedElement {
  static override properties = { articles: { state: true }, error: { state: true }, openId: { state: true } };
  articles: Article[] = [];
  error = '';
  openId = '';
  private q = '';
  private language = '';
  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const params = { q: this.q || null, language: this.language || null };
      this.articles = await get<Article[]>(this.q ? `/api/knowledge${query(params)}` : `/api/knowledge/articles${query(params)}`);
      this.error = '';
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  override render() {
    return html`<div class="knowledge">
      <h1>${ta('knowledge')}</h1>
      <form class="filters" role="search" @submit=${(e: SubmitEvent) => (e.preventDefault(), void this.load())}>
        <input type="search" aria-label=${ta('searchArticles')} placeholder=${ta('searchArticles')} .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value.trim())} />
        <select aria-label=${ta('languages')} @change=${(e: Event) => ((this.language = (e.target as HTMLSelectElement).value), void this.load())}>
          <option value="">${ta('none')}</option><option value="fr">fr</option><option value="en">en</option>
        </select>
        <button type="submit">${ta('send')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.articles.length === 0 ? html`<p class="muted">${ta('noArticles')}</p>` : nothing}
      <ul class="articles">${this.articles.map((a) => {
        const key = `${a.assistantId ?? ''}/${a.id}/${a.language}`;
        return html`<li class="card" data-article=${a.id}>
          <button class="link" aria-expanded=${this.openId === key ? 'true' : 'false'} @click=${() => (this.openId = this.openId === key ? '' : key)}><strong>${a.title}</strong></button>
          <span class="chip">${a.language}</span> ${a.score !== undefined ? html`<span class="muted">${a.score.toFixed(2)}</span>` : nothing}
          <p class="muted">${a.excerpt}</p>
          ${this.openId === key ? html`<iframe class="article-body" sandbox="" title=${a.title} srcdoc=${a.html}></iframe>` : nothing}
        </li>`;
      })}</ul>
    </div>`;
  }
}

customElements.define('cv-knowledge', KnowledgeView);
