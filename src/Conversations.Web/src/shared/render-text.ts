import { html, type TemplateResult } from 'lit';
import { linkify } from './text';

/** Renders message text as text (Lit escapes every value), with http(s) links clickable and opening
 * elsewhere without handing the opener over. */
export function renderText(text: string): (string | TemplateResult)[] {
  return linkify(text).map((segment) =>
    segment.kind === 'link'
      ? html`<a href=${segment.href} target="_blank" rel="noopener noreferrer">${segment.text}</a>`
      : segment.text,
  );
}
