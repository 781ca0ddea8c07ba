// The editor's intents (training phrases and answers per language) and knowledge articles.
import { html, nothing } from 'lit';
import { lines, newIntent, uniqueId } from './draft';
import { areaField, fieldErrors, localizedField, optional, selectField, textField, type FormContext } from './fields';
import { optionsFields, stepIds } from './flow-fields';
import type { AssistantDef } from './model';
import { ta } from './strings';

const flagged = (ctx: FormContext, path: string) => Object.keys(ctx.errors).some((k) => k === path || k.startsWith(`${path}.`) || k.startsWith(`${path}[`));

export function intentsSection(ctx: FormContext, d: AssistantDef) {
  const articles = ['', ...new Set(d.knowledge.map((a) => a.id))];
  return html`<section class="card editor-section" aria-labelledby="intents-title"><h2 id="intents-title">${ta('intents')}</h2>
    ${d.intents.map((intent, i) => {
      const path = `intents[${i}]`;
      const bad = flagged(ctx, path);
      return html`<details class="item" data-intent=${intent.id} ?open=${bad}>
        <summary>${intent.id} <span class="muted">${Object.values(intent.phrases).reduce((n, p) => n + p.length, 0)}</span>${bad ? html` <span class="error">⚠</span>` : nothing}</summary>
        <div class="row-fields">
          ${textField(ctx, ta('id'), `${path}.id`, intent.id, (v) => (intent.id = v.trim()))}
          ${selectField(ctx, ta('article'), `${path}.article`, intent.article, articles, (v) => (intent.article = optional(v)))}
          ${selectField(ctx, ta('goto'), `${path}.goto`, intent.goto, stepIds(d), (v) => (intent.goto = optional(v)))}
        </div>
        ${localizedField(ctx, ta('title'), `${path}.title`, intent.title, (v) => (intent.title = v))}
        ${ctx.languages.map((language) =>
          areaField(ctx, ta('phrases', { language }), `${path}.phrases.${language}`, (intent.phrases[language] ?? []).join('\n'), (v) => (intent.phrases[language] = lines(v)), 5),
        )}
        ${fieldErrors(ctx, `${path}.phrases`)}
        ${localizedField(ctx, ta('answer'), `${path}.answer`, intent.answer, (v) => (intent.answer = v), true)}
        ${optionsFields(ctx, d, ta('quickReplies'), `${path}.quickReplies`, intent.quickReplies)}
        ${fieldErrors(ctx, path)}
        <button type="button" class="danger" @click=${() => (d.intents.splice(i, 1), ctx.changed())}>${ta('remove')}</button>
      </details>`;
    })}
    <button type="button" @click=${() => (d.intents.push(newIntent(d)), ctx.changed())}>${ta('addIntent')}</button>
  </section>`;
}

export function articlesSection(ctx: FormContext, d: AssistantDef) {
  return html`<section class="card editor-section" aria-labelledby="articles-title"><h2 id="articles-title">${ta('articles')}</h2>
    ${d.knowledge.map((article, i) => {
      const path = `knowledge[${i}]`;
      return html`<details class="item" data-article=${article.id} ?open=${flagged(ctx, path)}>
        <summary>${article.id} · ${article.language} · ${article.title}</summary>
        <div class="row-fields">
          ${textField(ctx, ta('id'), `${path}.id`, article.id, (v) => (article.id = v.trim()))}
          ${selectField(ctx, ta('languages'), `${path}.language`, article.language, ctx.languages, (v) => (article.language = v))}
          <label class="check"><input type="checkbox" .checked=${article.published} @change=${(e: Event) => ((article.published = (e.target as HTMLInputElement).checked), ctx.changed())} /> ${ta('isPublished')}</label>
        </div>
        ${textField(ctx, ta('title'), `${path}.title`, article.title, (v) => (article.title = v))}
        ${areaField(ctx, ta('body'), `${path}.body`, article.body, (v) => (article.body = v), 6)}
        ${textField(ctx, ta('keywords'), `${path}.keywords`, article.keywords.join(', '), (v) => (article.keywords = v.split(',').map((k) => k.trim()).filter(Boolean)))}
        <button type="button" class="danger" @click=${() => (d.knowledge.splice(i, 1), ctx.changed())}>${ta('remove')}</button>
      </details>`;
    })}
    <button type="button" @click=${() => (d.knowledge.push({ id: uniqueId('article', d.knowledge.map((a) => a.id)), language: ctx.languages[0] ?? 'en', title: '', body: '', keywords: [], published: true }), ctx.changed())}>${ta('addArticle')}</button>
  </section>`;
}
