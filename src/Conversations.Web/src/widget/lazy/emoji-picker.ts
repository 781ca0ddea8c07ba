import { html, LitElement } from 'lit';

const emoji = ['😀', '😂', '😊', '😍', '🤔', '😅', '😢', '😡', '👍', '👎', '👏', '🙏', '💪', '👋', '🎉', '❤️',
  '🔥', '✅', '❌', '⭐', '☕', '📦', '🚚', '💳', '📞', '📧', '🕐', '📍', '🙂', '😉', '😎', '🤝'];

/** A small grid of emoji inserted at the cursor. Loaded on first use. Renders into the widget's shadow root. */
class EmojiPicker extends LitElement {
  static override properties = { label: {} };
  label = 'Emoji';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override firstUpdated(): void {
    this.querySelector<HTMLButtonElement>('button')?.focus();
  }

  protected override render() {
    return html`<div class="emoji-grid" role="group" aria-label=${this.label}>
      ${emoji.map((e) => html`<button type="button" aria-label=${e} @click=${() => this.pick(e)}>${e}</button>`)}
    </div>`;
  }

  private pick(value: string): void {
    this.dispatchEvent(new CustomEvent('cw-pick', { detail: value, bubbles: true, composed: true }));
  }
}

if (!customElements.get('cw-emoji-picker')) customElements.define('cw-emoji-picker', EmojiPicker);
