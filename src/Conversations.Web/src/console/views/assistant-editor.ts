import { html, nothing } from 'lit';
import { LocalizedElement } from '../assistants/localized-element';
import { ApiError, get, put } from '../api';
import { lines, synonymsToText, textToSynonyms } from '../assistants/draft';
import { areaField, fieldErrors, localizedField, optional, selectField, textField, type FormContext } from '../assistants/fields';
import { conditionFields, stepIds, stepsSection } from '../assistants/flow-fields';
import { articlesSection, intentsSection } from '../assistants/intent-fields';
import type { AssistantDef } from '../assistants/model';
import { ta } from '../assistants/strings';

/** The form editor of an assistant's draft: loads GET /draft, saves with PUT /draft and shows the 400's
 * field errors beside their fields. Fires `draft-saved` (detail: the stored definition) after a save. */
export class AssistantEditor extends LocalizedElement {
  static override properties = { assistantId: {}, draft: { state: true }, errors: { state: true }, message: { state: true }, busy: { state: true } };
  assistantId = '';
  draft: AssistantDef | null = null;
  errors: Record<string, string[]> = {};
  /** Worded when shown, so a language switch rewords it too. */
  message: { text: () => string; error: boolean } | null = null;
  busy = false;
  private loadedId = '';

  override updated(): void {
    if (this.assistantId && this.assistantId !== this.loadedId) {
      this.loadedId = this.assistantId;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.draft = await get<AssistantDef>(`/api/assistants/${encodeURIComponent(this.assistantId)}/draft`);
      this.errors = {};
      this.dispatchEvent(new CustomEvent('draft-saved', { detail: this.draft, bubbles: true }));
    } catch (e) {
      this.message = { text: () => (e instanceof ApiError ? e.message : String(e)), error: true };
    }
  }

  private async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (!this.draft) return;
    this.busy = true;
    try {
      this.draft = await put<AssistantDef>(`/api/assistants/${encodeURIComponent(this.assistantId)}/draft`, this.draft);
      this.errors = {};
      this.message = { text: () => ta('saved'), error: false };
      this.dispatchEvent(new CustomEvent('draft-saved', { detail: this.draft, bubbles: true }));
    } catch (error) {
      this.errors = error instanceof ApiError ? error.fields : {};
      const fields = error instanceof ApiError && Object.keys(error.fields).length > 0;
      const detail = error instanceof Error ? error.message : String(error);
      this.message = { text: () => (fields ? ta('invalid') : detail), error: true };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const d = this.draft;
    if (!d) return html`${this.status()}`;
    const ctx: FormContext = { languages: d.languages, errors: this.errors, changed: () => this.requestUpdate() };
    return html`<form class="assistant-editor" novalidate @submit=${(e: SubmitEvent) => this.save(e)}>
      <div class="editor-bar">
        <button class="primary" type="submit" ?disabled=${this.busy} data-testid="save-draft">${ta('save')}</button>
        ${this.status()}
      </div>
      ${this.summary()}
      ${this.general(ctx, d)} ${this.fallback(ctx, d)} ${this.synonyms(ctx, d)} ${this.rules(ctx, d)}
      ${stepsSection(ctx, d)} ${intentsSection(ctx, d)} ${articlesSection(ctx, d)}
    </form>`;
  }

  private status() {
    return this.message
      ? html`<p class=${this.message.error ? 'error' : 'ok'} role=${this.message.error ? 'alert' : 'status'} data-testid="editor-message">${this.message.text()}</p>`
      : nothing;
  }

  /** Every problem with its field, so one in a closed section is not missed. */
  private summary() {
    const entries = Object.entries(this.errors);
    return entries.length === 0
      ? nothing
      : html`<ul class="error-list" aria-label=${ta('errors')}>${entries.map(([field, messages]) => html`<li><code>${field}</code>: ${messages.join(' ')}</li>`)}</ul>`;
  }

  private general(ctx: FormContext, d: AssistantDef) {
    return html`<section class="card editor-section" aria-labelledby="general-title"><h2 id="general-title">${ta('general')}</h2>
      <div class="row-fields">
        ${textField(ctx, ta('name'), 'name', d.name, (v) => (d.name = v))}
        ${textField(ctx, ta('languages'), 'languages', d.languages.join(', '), (v) => (d.languages = lines(v.replaceAll(',', '\n'))))}
        ${selectField(ctx, ta('defaultLanguage'), 'defaultLanguage', d.defaultLanguage, ['', ...d.languages], (v) => (d.defaultLanguage = optional(v)))}
        ${textField(ctx, ta('languageVariable'), 'languageVariable', d.languageVariable, (v) => (d.languageVariable = optional(v)))}
      </div>
      <div class="row-fields">
        ${textField(ctx, ta('threshold'), 'threshold', d.threshold, (v) => (d.threshold = v.trim() === '' ? undefined : Number(v)), 'number')}
        ${selectField(ctx, ta('start'), 'start', d.start, stepIds(d), (v) => (d.start = optional(v)))}
        ${selectField(ctx, ta('resumeAt'), 'resumeAt', d.resumeAt, stepIds(d), (v) => (d.resumeAt = optional(v)))}
      </div>
      ${localizedField(ctx, ta('didYouMean'), 'didYouMean', d.didYouMean, (v) => (d.didYouMean = v))}
    </section>`;
  }

  private fallback(ctx: FormContext, d: AssistantDef) {
    const f = d.fallback;
    return html`<section class="card editor-section" aria-labelledby="fallback-title"><h2 id="fallback-title">${ta('fallback')}</h2>
      <div class="row-fields">
        ${textField(ctx, ta('limit'), 'fallback.limit', f.limit, (v) => (f.limit = Number(v)), 'number')}
        ${selectField(ctx, ta('humanStep'), 'fallback.humanStep', f.humanStep, stepIds(d), (v) => (f.humanStep = optional(v)))}
      </div>
      ${localizedField(ctx, ta('message'), 'fallback.message', f.message, (v) => (f.message = v), true)}
      ${localizedField(ctx, ta('offer'), 'fallback.offer', f.offer, (v) => (f.offer = v), true)}
      ${localizedField(ctx, ta('humanLabel'), 'fallback.humanLabel', f.humanLabel, (v) => (f.humanLabel = v))}
      ${localizedField(ctx, ta('continueLabel'), 'fallback.continueLabel', f.continueLabel, (v) => (f.continueLabel = v))}
    </section>`;
  }

  private synonyms(ctx: FormContext, d: AssistantDef) {
    return html`<section class="card editor-section" aria-labelledby="synonyms-title"><h2 id="synonyms-title">${ta('synonyms')}</h2>
      <p class="muted">${ta('synonymsHint')}</p>
      ${d.languages.map((language) =>
        areaField(ctx, `${ta('synonyms')} (${language})`, `synonyms.${language}`, synonymsToText(d.synonyms[language]), (v) => (d.synonyms[language] = textToSynonyms(v)), 4),
      )}
    </section>`;
  }

  private rules(ctx: FormContext, d: AssistantDef) {
    return html`<section class="card editor-section" aria-labelledby="rules-title"><h2 id="rules-title">${ta('rules')}</h2>
      ${d.onboardingRules.map((rule, i) => {
        const path = `onboardingRules[${i}]`;
        return html`<fieldset class="option card" data-rule=${i}><legend>${ta('rule', { n: i + 1 })}</legend>
          ${conditionFields(ctx, `${path}.when`, rule.when, (next) => (rule.when = next))}
          <div class="row-fields">
            ${textField(ctx, ta('assignTeam'), `${path}.assignTeam`, rule.assignTeam, (v) => (rule.assignTeam = optional(v)))}
            ${textField(ctx, ta('tag'), `${path}.tag`, rule.tag, (v) => (rule.tag = optional(v)))}
            ${textField(ctx, ta('priority'), `${path}.priority`, rule.priority, (v) => (rule.priority = optional(v)))}
          </div>
          ${fieldErrors(ctx, path)}
          <button type="button" class="danger" @click=${() => (d.onboardingRules.splice(i, 1), ctx.changed())}>${ta('remove')}</button>
        </fieldset>`;
      })}
      <button type="button" @click=${() => (d.onboardingRules.push({ when: { variable: '', equals: '' }, set: {} }), ctx.changed())}>${ta('addRule')}</button>
    </section>`;
  }
}

customElements.define('cv-assistant-editor', AssistantEditor);
