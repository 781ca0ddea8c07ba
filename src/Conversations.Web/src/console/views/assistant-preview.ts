import { html, nothing } from 'lit';
import { LocalizedElement } from '../assistants/localized-element';
import { ApiError, post } from '../api';
import { textIn } from '../assistants/draft';
import type { AssistantDef, PreviewMatch } from '../assistants/model';
import { ta } from '../assistants/strings';

interface Turn {
  text: string;
  match?: PreviewMatch;
  error?: string;
}

/** A chat against the saved draft (POST /preview): for each customer message, the matched intent, its
 * confidence, the runners-up and, from the draft, the answer that intent gives. */
export class AssistantPreview extends LocalizedElement {
  static override properties = { assistantId: {}, definition: { attribute: false }, turns: { state: true }, busy: { state: true } };
  assistantId = '';
  definition: AssistantDef | null = null;
  turns: Turn[] = [];
  busy = false;
  private language = '';

  private async send(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const input = form.querySelector<HTMLInputElement>('input[name=text]')!;
    const text = input.value.trim();
    if (!text) return;
    const turn: Turn = { text };
    this.turns = [...this.turns, turn];
    input.value = '';
    this.busy = true;
    try {
      turn.match = await post<PreviewMatch>(`/api/assistants/${encodeURIComponent(this.assistantId)}/preview`, { text, language: this.language || null });
    } catch (error) {
      turn.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
      this.turns = [...this.turns];
    }
  }

  private answer(match: PreviewMatch): string {
    const d = this.definition;
    if (!d) return '';
    const language = match.language;
    if (!match.intent) return textIn(d.fallback.message, language);
    const intent = d.intents.find((i) => i.id === match.intent);
    return textIn(intent?.answer, language) || (intent?.article ? `📄 ${intent.article}` : intent?.goto ? `→ ${intent.goto}` : '');
  }

  override render() {
    const languages = this.definition?.languages ?? [];
    return html`<section class="card chat-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">${ta('preview')}</h2>
      <p class="muted">${ta('previewHint')}</p>
      <ol class="preview-log" aria-live="polite">
        ${this.turns.map((turn) => html`<li class="turn">
          <p class="bubble customer">${turn.text}</p>
          ${turn.error ? html`<p class="error" role="alert">${turn.error}</p>` : nothing}
          ${turn.match ? this.result(turn.match) : nothing}
        </li>`)}
      </ol>
      <form class="preview-form" @submit=${(e: SubmitEvent) => this.send(e)}>
        <input name="text" aria-label=${ta('previewPlaceholder')} placeholder=${ta('previewPlaceholder')} autocomplete="off" />
        <select aria-label=${ta('languages')} @change=${(e: Event) => (this.language = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.language === ''}>${ta('autoLanguage')}</option>
          ${languages.map((l) => html`<option value=${l} ?selected=${this.language === l}>${l}</option>`)}
        </select>
        <button class="primary" type="submit" ?disabled=${this.busy}>${ta('send')}</button>
      </form>
    </section>`;
  }

  private result(match: PreviewMatch) {
    const confidence = match.confidence.toFixed(2);
    const runnersUp = match.candidates.filter((c) => c.intent !== match.intent);
    return html`<div class="match" data-testid="preview-match" data-intent=${match.intent ?? ''}>
      <p><strong>${match.intent ? ta('matched', { intent: match.intent }) : ta('notUnderstood')}</strong>
        · <span data-testid="confidence">${ta('confidence', { c: confidence })}</span> · <span class="chip">${match.language}</span></p>
      <p class="bubble bot">${this.answer(match)}</p>
      ${runnersUp.length > 0
        ? html`<p class="muted">${ta('runnersUp')}:</p>
            <ul class="runners-up" data-testid="runners-up">${runnersUp.map((c) => html`<li><code>${c.intent}</code> ${c.score.toFixed(2)}</li>`)}</ul>`
        : nothing}
    </div>`;
  }
}

customElements.define('cv-assistant-preview', AssistantPreview);
