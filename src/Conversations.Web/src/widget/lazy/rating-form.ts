import { html, LitElement, nothing } from 'lit';

export interface RatingLabels {
  title: string;
  comment: string;
  submit: string;
  star: (score: number) => string;
}

/** 1–5 stars (a radio group: arrows move, Space/Enter pick) and an optional comment, shown when the
 * conversation closes. Loaded then. Renders into the widget's shadow root. */
class RatingForm extends LitElement {
  static override properties = { labels: { attribute: false }, score: { state: true }, sending: { state: true } };
  labels!: RatingLabels;
  score = 0;
  sending = false;
  private comment = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render() {
    const scores = [1, 2, 3, 4, 5];
    return html`<form @submit=${this.submit}>
      <fieldset class="stars" role="radiogroup" aria-label=${this.labels.title} @keydown=${this.onKeydown}>
        <legend>${this.labels.title}</legend>
        ${scores.map(
          (n) => html`<button class="star" type="button" role="radio" aria-checked=${this.score === n ? 'true' : 'false'}
            aria-label=${this.labels.star(n)} tabindex=${this.score === n || (this.score === 0 && n === 1) ? '0' : '-1'}
            @click=${() => this.pick(n)}>${n <= this.score ? '★' : '☆'}</button>`,
        )}
      </fieldset>
      <label for="cw-rating-comment">${this.labels.comment}</label>
      <textarea id="cw-rating-comment" maxlength="1000" @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
      <button class="primary" type="submit" ?disabled=${this.score === 0 || this.sending}>${this.labels.submit}</button>
      ${this.sending ? html`<span class="sr-only" role="status">…</span>` : nothing}
    </form>`;
  }

  private pick(score: number): void {
    this.score = score;
    void this.updateComplete.then(() => this.querySelector<HTMLButtonElement>(`.star[aria-checked='true']`)?.focus());
  }

  private onKeydown = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    this.pick(Math.min(5, Math.max(1, (this.score || (step > 0 ? 0 : 2)) + step)));
  };

  private submit = (event: Event): void => {
    event.preventDefault();
    if (this.score === 0) return;
    this.sending = true;
    this.dispatchEvent(new CustomEvent('cw-rate', { detail: { score: this.score, comment: this.comment }, bubbles: true, composed: true }));
  };
}

if (!customElements.get('cw-rating-form')) customElements.define('cw-rating-form', RatingForm);
