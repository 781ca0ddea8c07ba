// Pure helpers of the assistant editor: texts per language, line lists, synonyms, conditions, field errors.
import type { AssistantDef, Condition, IntentDef, Localized, Operator, StepDef } from './model';

/** The key of a text that serves every language (a plain string in the file). */
export const ANY = '*';

/** The text shown for one language: its own, else the one for every language. */
export function textIn(value: Localized | undefined, language: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[language] ?? value[ANY] ?? '';
}

/** The text with one language set; a plain string is split per language first so the others keep it. */
export function withText(value: Localized | undefined, language: string, text: string, languages: readonly string[]): Localized | undefined {
  const map: Record<string, string> = typeof value === 'string' ? Object.fromEntries(languages.map((l) => [l, value])) : { ...(value ?? {}) };
  delete map[ANY];
  if (typeof value === 'object' && value[ANY] !== undefined) for (const l of languages) map[l] ??= value[ANY];
  if (text === '') delete map[language];
  else map[language] = text;
  return Object.keys(map).length === 0 ? undefined : map;
}

/** One entry per non-empty line, trimmed. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Synonyms of one language as lines "canonical: variant, variant". */
export function synonymsToText(synonyms: Record<string, string[]> | undefined): string {
  return Object.entries(synonyms ?? {})
    .map(([word, variants]) => `${word}: ${variants.join(', ')}`)
    .join('\n');
}

/** The inverse of {@link synonymsToText}; a line without a colon or without variants is ignored. */
export function textToSynonyms(text: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const line of lines(text)) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    const variants = line
      .slice(at + 1)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (variants.length > 0) result[line.slice(0, at).trim()] = variants;
  }
  return result;
}

/** Which test a condition makes (a condition written by hand may hold several; the first counts here). */
export function operatorOf(condition: Condition): Operator {
  if (condition.contains !== undefined) return 'contains';
  if (condition.exists !== undefined) return 'exists';
  if (condition.matches !== undefined) return 'matches';
  return 'equals';
}

export function operandOf(condition: Condition): string {
  const op = operatorOf(condition);
  return op === 'exists' ? String(condition.exists ?? true) : (condition[op] ?? '');
}

/** The condition with one test: `exists` takes "true"/"false", the others the text. */
export function withTest<C extends Condition>(condition: C, op: Operator, operand: string): C {
  const next = { ...condition };
  for (const key of ['equals', 'contains', 'exists', 'matches'] as const) delete next[key];
  if (op === 'exists') next.exists = operand !== 'false';
  else next[op] = operand;
  return next;
}

/** The messages for exactly this field of a 400's `errors`. */
export function errorsOf(errors: Record<string, string[]>, field: string): string[] {
  return errors[field] ?? [];
}

/** An id not yet taken: `prefix`, else `prefix-2`, `prefix-3`… */
export function uniqueId(prefix: string, taken: readonly string[]): string {
  if (!taken.includes(prefix)) return prefix;
  let n = 2;
  while (taken.includes(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export function newStep(definition: AssistantDef): StepDef {
  const id = uniqueId('step', definition.steps.map((s) => s.id));
  return { id, type: 'message', text: '', quickReplies: [], choices: [], cases: [] };
}

export function newIntent(definition: AssistantDef): IntentDef {
  const id = uniqueId('intent', definition.intents.map((i) => i.id));
  return { id, phrases: Object.fromEntries(definition.languages.map((l) => [l, []])), quickReplies: [] };
}

/** Sites and channels whose assistant is `assistantId`, as "site demo" / "channel api-demo" entries. */
export function connections(
  assistantId: string,
  sites: readonly { id: string; assistantId?: string | null }[],
  channels: readonly { id: string; assistantId?: string | null }[],
): { kind: 'site' | 'channel'; id: string }[] {
  return [
    ...sites.filter((s) => s.assistantId === assistantId).map((s) => ({ kind: 'site' as const, id: s.id })),
    ...channels.filter((c) => c.assistantId === assistantId).map((c) => ({ kind: 'channel' as const, id: c.id })),
  ];
}
