// The editor's steps, options (choices, quick replies) and conditions (branch cases, onboarding rules).
import { html, nothing } from 'lit';
import { newStep, operandOf, operatorOf, uniqueId, withTest } from './draft';
import { fieldErrors, localizedField, optional, selectField, textField, type FormContext } from './fields';
import { operators, stepTypes, validations, type AssistantDef, type Condition, type OptionDef, type StepDef } from './model';
import { ta } from './strings';

export const stepIds = (d: AssistantDef) => ['', ...d.steps.map((s) => s.id)];

export function conditionFields<C extends Condition>(ctx: FormContext, path: string, condition: C, set: (c: C) => void) {
  const op = operatorOf(condition);
  return html`<div class="row-fields">
    ${textField(ctx, ta('variable'), `${path}.variable`, condition.variable, (v) => set({ ...condition, variable: v }))}
    ${selectField(ctx, ta('test'), `${path}.${op}`, op, operators, (v) => set(withTest(condition, v as typeof op, operandOf(condition))))}
    ${op === 'exists'
      ? selectField(ctx, ta('operand'), `${path}.exists`, operandOf(condition), ['true', 'false'], (v) => set(withTest(condition, op, v)))
      : textField(ctx, ta('operand'), `${path}.${op}`, operandOf(condition), (v) => set(withTest(condition, op, v)))}
    ${fieldErrors(ctx, path)}</div>`;
}

export function optionsFields(ctx: FormContext, d: AssistantDef, label: string, path: string, options: OptionDef[]) {
  return html`<fieldset class="options"><legend>${label}</legend>
    ${options.map(
      (o, i) => html`<div class="option card">
        <div class="row-fields">
          ${textField(ctx, ta('id'), `${path}[${i}].id`, o.id, (v) => (o.id = v.trim()))}
          ${textField(ctx, ta('value'), `${path}[${i}].value`, o.value, (v) => (o.value = optional(v)))}
          ${selectField(ctx, ta('goto'), `${path}[${i}].goto`, o.goto, stepIds(d), (v) => (o.goto = optional(v)))}
          ${selectField(ctx, ta('intentRef'), `${path}[${i}].intent`, o.intent, ['', ...d.intents.map((x) => x.id)], (v) => (o.intent = optional(v)))}
        </div>
        ${localizedField(ctx, ta('label'), `${path}[${i}].label`, o.label, (v) => (o.label = v))}
        <button type="button" class="danger" @click=${() => (options.splice(i, 1), ctx.changed())}>${ta('remove')}</button>
      </div>`,
    )}
    ${fieldErrors(ctx, path)}
    <button type="button" @click=${() => (options.push({ id: uniqueId('option', options.map((o) => o.id)) }), ctx.changed())}>${ta('addOption')}</button>
  </fieldset>`;
}

function stepBody(ctx: FormContext, d: AssistantDef, step: StepDef, path: string) {
  const type = step.type;
  const has = (...types: string[]) => types.includes(type);
  const articles = ['', ...new Set(d.knowledge.map((a) => a.id))];
  return html`
    ${has('message', 'question', 'input', 'note', 'transfer') ? localizedField(ctx, ta('text'), `${path}.text`, step.text, (v) => (step.text = v), true) : nothing}
    ${has('message') ? textField(ctx, ta('image'), `${path}.image`, step.image, (v) => (step.image = optional(v)), 'url') : nothing}
    ${has('question', 'input', 'set') ? textField(ctx, ta('variable'), `${path}.variable`, step.variable, (v) => (step.variable = optional(v))) : nothing}
    ${has('set') ? textField(ctx, ta('value'), `${path}.value`, step.value, (v) => (step.value = v)) : nothing}
    ${has('input') ? selectField(ctx, ta('validate'), `${path}.validate`, step.validate, validations, (v) => (step.validate = optional(v))) : nothing}
    ${has('question', 'input') ? localizedField(ctx, ta('reask'), `${path}.reask`, step.reask, (v) => (step.reask = v)) : nothing}
    ${has('question') ? optionsFields(ctx, d, ta('choices'), `${path}.choices`, step.choices) : nothing}
    ${has('message') ? optionsFields(ctx, d, ta('quickReplies'), `${path}.quickReplies`, step.quickReplies) : nothing}
    ${has('tag') ? textField(ctx, ta('tag'), `${path}.tag`, step.tag, (v) => (step.tag = optional(v))) : nothing}
    ${has('article') ? selectField(ctx, ta('article'), `${path}.article`, step.article, articles, (v) => (step.article = optional(v))) : nothing}
    ${has('transfer') ? textField(ctx, ta('team'), `${path}.team`, step.team, (v) => (step.team = optional(v))) : nothing}
    ${has('transfer') ? textField(ctx, ta('agent'), `${path}.agent`, step.agent, (v) => (step.agent = optional(v))) : nothing}
    ${has('branch')
      ? html`<fieldset><legend>${ta('cases')}</legend>
          ${step.cases.map(
            (c, i) => html`<div class="option card">
              ${conditionFields(ctx, `${path}.cases[${i}]`, c, (next) => (step.cases[i] = next))}
              ${selectField(ctx, ta('goto'), `${path}.cases[${i}].goto`, c.goto, stepIds(d), (v) => (c.goto = optional(v)))}
              <button type="button" class="danger" @click=${() => (step.cases.splice(i, 1), ctx.changed())}>${ta('remove')}</button></div>`,
          )}
          ${fieldErrors(ctx, `${path}.cases`)}
          <button type="button" @click=${() => (step.cases.push({ variable: '', equals: '' }), ctx.changed())}>${ta('addCase')}</button>
        </fieldset>
        ${selectField(ctx, ta('elseStep'), `${path}.else`, step.else, stepIds(d), (v) => (step.else = optional(v)))}`
      : nothing}`;
}

export function stepsSection(ctx: FormContext, d: AssistantDef) {
  return html`<section class="card editor-section" aria-labelledby="steps-title"><h2 id="steps-title">${ta('steps')}</h2>
    ${d.steps.map((step, i) => {
      const path = `steps[${i}]`;
      const flagged = Object.keys(ctx.errors).some((k) => k.startsWith(`${path}.`) || k === path);
      return html`<details class="item" data-step=${step.id} ?open=${flagged}>
        <summary>${step.id} · ${step.type}${flagged ? html` <span class="error">⚠</span>` : nothing}</summary>
        <div class="row-fields">
          ${textField(ctx, ta('id'), `${path}.id`, step.id, (v) => (step.id = v.trim()))}
          ${selectField(ctx, ta('type'), `${path}.type`, step.type, stepTypes, (v) => (step.type = v))}
          ${selectField(ctx, ta('next'), `${path}.next`, step.next, stepIds(d), (v) => (step.next = optional(v)))}
        </div>
        ${stepBody(ctx, d, step, path)}
        ${fieldErrors(ctx, path)}
        <button type="button" class="danger" @click=${() => (d.steps.splice(i, 1), ctx.changed())}>${ta('remove')}</button>
      </details>`;
    })}
    <button type="button" @click=${() => (d.steps.push(newStep(d)), ctx.changed())}>${ta('addStep')}</button>
  </section>`;
}
