// Form fields of the assistant editor. Every field commits on `change` (not on each key), so a re-render never
// rewrites what is being typed; each one shows the server's errors for its own path beneath it.
import { html, nothing } from 'lit';
import { ANY, textIn, withText } from './draft';
import type { Localized } from './model';
import { ta } from './strings';

/** What every field needs: the draft's languages, the 400's errors, and a re-render after a change. */
export interface FormContext {
  languages: string[];
  errors: Record<string, string[]>;
  changed(): void;
}

export function fieldErrors(ctx: FormContext, path: string) {
  const messages = ctx.errors[path];
  return messages?.length
    ? html`<span class="field-error" role="alert" data-field=${path}>${messages.join(' ')}</span>`
    : nothing;
}

const invalid = (ctx: FormContext, path: string) => (ctx.errors[path]?.length ? 'true' : 'false');

export function textField(ctx: FormContext, label: string, path: string, value: string | number | undefined, set: (v: string) => void, type = 'text') {
  return html`<label>${label}
    <input type=${type} step=${type === 'number' ? 'any' : nothing} .value=${value === undefined ? '' : String(value)} aria-invalid=${invalid(ctx, path)}
      @change=${(e: Event) => (set((e.target as HTMLInputElement).value), ctx.changed())} />
    ${fieldErrors(ctx, path)}</label>`;
}

export function areaField(ctx: FormContext, label: string, path: string, value: string, set: (v: string) => void, rows = 3) {
  return html`<label>${label}
    <textarea rows=${rows} .value=${value} aria-invalid=${invalid(ctx, path)} @change=${(e: Event) => (set((e.target as HTMLTextAreaElement).value), ctx.changed())}></textarea>
    ${fieldErrors(ctx, path)}</label>`;
}

export function selectField(ctx: FormContext, label: string, path: string, value: string | undefined, options: readonly string[], set: (v: string) => void) {
  return html`<label>${label}
    <select aria-invalid=${invalid(ctx, path)} @change=${(e: Event) => (set((e.target as HTMLSelectElement).value), ctx.changed())}>
      ${options.map((o) => html`<option value=${o} ?selected=${(value ?? '') === o}>${o === '' ? ta('none') : o}</option>`)}
      ${value && !options.includes(value) ? html`<option value=${value} selected>${value}</option>` : nothing}
    </select>
    ${fieldErrors(ctx, path)}</label>`;
}

/** One input per language of the assistant (and one for "every language" when the text has it alone). */
export function localizedField(ctx: FormContext, label: string, path: string, value: Localized | undefined, set: (v: Localized | undefined) => void, multiline = false) {
  const plain = typeof value === 'string' || (value !== undefined && Object.keys(value).length === 1 && value[ANY] !== undefined);
  return html`<fieldset class="localized"><legend>${label}${plain && value ? html` <span class="muted">(${ta('allLanguages')})</span>` : nothing}</legend>
    ${ctx.languages.map((language) => {
      const current = textIn(value, language);
      const commit = (e: Event) => (set(withText(value, language, (e.target as HTMLInputElement).value, ctx.languages)), ctx.changed());
      const name = `${label} (${language})`;
      return html`<label class="lang-line"><span class="code">${language}</span>
        ${multiline
          ? html`<textarea rows="2" aria-label=${name} .value=${current} @change=${commit}></textarea>`
          : html`<input aria-label=${name} .value=${current} @change=${commit} />`}</label>`;
    })}
    ${fieldErrors(ctx, path)}</fieldset>`;
}

/** Optional text: empty means absent, so the file does not get `next: ''`. */
export const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
