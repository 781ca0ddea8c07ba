import { LitElement } from 'lit';
import { onLocaleChange } from '../i18n';

/** A console element in the page's light DOM (the console's stylesheet applies) that re-renders at once on a
 * language switch, not at its next change of data. */
export class LocalizedElement extends LitElement {
  private stopLocale: (() => void) | undefined;

  override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopLocale = onLocaleChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLocale?.();
  }
}
