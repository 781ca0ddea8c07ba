import { html, LitElement } from 'lit';

/** The enlarged image, over the page. Loaded on the first click on an image. Renders into the widget's
 * shadow root (no root of its own), so the widget's styles and focus trap cover it. */
class ImageViewer extends LitElement {
  static override properties = { src: {}, alt: {}, closeLabel: {} };
  src = '';
  alt = '';
  closeLabel = 'Close';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override firstUpdated(): void {
    this.querySelector<HTMLButtonElement>('button')?.focus();
  }

  protected override render() {
    return html`<div class="viewer" role="dialog" aria-modal="true" aria-label=${this.alt} @click=${this.onBackdrop}>
      <img src=${this.src} alt=${this.alt} />
      <button class="icon-button" type="button" aria-label=${this.closeLabel} @click=${this.close}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z" /></svg>
      </button>
    </div>`;
  }

  private onBackdrop = (event: Event): void => {
    if (event.target === event.currentTarget) this.close();
  };

  private close = (): void => {
    this.dispatchEvent(new CustomEvent('cw-close', { bubbles: true, composed: true }));
  };
}

if (!customElements.get('cw-image-viewer')) customElements.define('cw-image-viewer', ImageViewer);
