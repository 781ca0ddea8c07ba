import type { Snippet } from './types';

/** The "/" query at the caret: what follows a slash that starts the box or a word, or null. */
export function slashQuery(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/.exec(before);
  if (!match) return null;
  const start = before.length - match[2].length - 1;
  return { query: match[2], start };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase();
}

/**
 * Snippets for a "/" query, best first: shortcut starting with the query, then shortcut or title
 * containing it, then the text containing it. Accents and case are ignored ("reponse" finds "Réponse").
 */
export function filterSnippets(snippets: readonly Snippet[], query: string, limit = 20): Snippet[] {
  const q = fold(query.trim());
  const ranked: { snippet: Snippet; rank: number }[] = [];
  for (const snippet of snippets) {
    const shortcut = fold(snippet.shortcut);
    const title = fold(snippet.title);
    let rank: number;
    if (q.length === 0 || shortcut.startsWith(q)) rank = 0;
    else if (shortcut.includes(q) || title.includes(q)) rank = 1;
    else if (fold(snippet.text).includes(q)) rank = 2;
    else continue;
    ranked.push({ snippet, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.snippet.shortcut.localeCompare(b.snippet.shortcut))
    .slice(0, limit)
    .map((r) => r.snippet);
}

const variable = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/**
 * Replaces `{{name}}` with the customer's variable of that name (case-insensitive). A variable the
 * customer does not have stays as written, so the agent sees what is left to fill in before sending.
 */
export function substitute(text: string, variables: Readonly<Record<string, string | null | undefined>>): string {
  const lookup = new Map<string, string>();
  for (const [key, value] of Object.entries(variables)) {
    if (value !== null && value !== undefined && value.trim() !== '') lookup.set(key.toLocaleLowerCase(), value.trim());
  }
  return text.replace(variable, (whole, name: string) => lookup.get(name.toLocaleLowerCase()) ?? whole);
}

/** The placeholders still in a text after substitution. */
export function unresolved(text: string): string[] {
  return [...text.matchAll(variable)].map((m) => m[1]);
}

/** Inserts a snippet in place of the "/query" that summoned it. */
export function insertSnippet(text: string, caret: number, snippetText: string): { text: string; caret: number } {
  const slash = slashQuery(text, caret);
  const start = slash ? slash.start : caret;
  const next = text.slice(0, start) + snippetText + text.slice(caret);
  return { text: next, caret: start + snippetText.length };
}
