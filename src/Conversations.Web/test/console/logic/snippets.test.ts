import { describe, expect, it } from 'vitest';
import { filterSnippets, insertSnippet, slashQuery, substitute, unresolved } from '../../../src/console/logic/snippets.ts';
import type { Snippet } from '../../../src/console/logic/types.ts';

const snippets: Snippet[] = [
  { id: '1', shortcut: 'hello', title: 'Greeting', text: 'Bonjour {{PRENOM}}, how can I help?' },
  { id: '2', shortcut: 'refund', title: 'Remboursement', text: 'Your refund is on its way.' },
  { id: '3', shortcut: 'bye', title: 'Closing', text: 'Have a nice day, {{ prenom }} from {{SOCIETE}}!' },
  { id: '4', shortcut: 'reponse', title: 'Réponse type', text: 'We will get back to you.' },
];

describe('slashQuery', () => {
  it('finds the query after a slash at the start or after a space', () => {
    expect(slashQuery('/ref', 4)).toEqual({ query: 'ref', start: 0 });
    expect(slashQuery('hi /he', 6)).toEqual({ query: 'he', start: 3 });
    expect(slashQuery('/', 1)).toEqual({ query: '', start: 0 });
  });

  it('ignores slashes inside words and urls', () => {
    expect(slashQuery('and/or', 6)).toBeNull();
    expect(slashQuery('see http://x', 12)).toBeNull();
    expect(slashQuery('/ref done', 9)).toBeNull();
  });
});

describe('filterSnippets', () => {
  it('ranks shortcut prefixes before title and text matches', () => {
    expect(filterSnippets(snippets, 're').map((s) => s.id)).toEqual(['2', '4', '1', '3']);
    expect(filterSnippets(snippets, 'greet').map((s) => s.id)).toEqual(['1']);
    expect(filterSnippets(snippets, 'way').map((s) => s.id)).toEqual(['2']);
  });

  it('ignores case and accents', () => {
    expect(filterSnippets(snippets, 'RÉPONSE').map((s) => s.id)).toEqual(['4']);
    expect(filterSnippets(snippets, 'rembours').map((s) => s.id)).toEqual(['2']);
  });

  it('lists everything, sorted, for an empty query, and nothing for no match', () => {
    expect(filterSnippets(snippets, '').map((s) => s.shortcut)).toEqual(['bye', 'hello', 'refund', 'reponse']);
    expect(filterSnippets(snippets, 'zzz')).toEqual([]);
  });
});

describe('substitute', () => {
  it('replaces variables case-insensitively, with spaces inside the braces', () => {
    expect(substitute(snippets[2].text, { PRENOM: 'Marie', societe: 'Acme' })).toBe('Have a nice day, Marie from Acme!');
  });

  it('leaves unknown or empty variables visible', () => {
    const text = substitute(snippets[2].text, { prenom: 'Marie', SOCIETE: '  ' });
    expect(text).toBe('Have a nice day, Marie from {{SOCIETE}}!');
    expect(unresolved(text)).toEqual(['SOCIETE']);
  });

  it('never interprets the values', () => {
    expect(substitute('Hi {{name}}', { name: '<b>{{x}}</b>' })).toBe('Hi <b>{{x}}</b>');
  });
});

describe('insertSnippet', () => {
  it('replaces the slash query with the text and puts the caret after it', () => {
    expect(insertSnippet('Ok /ref', 7, 'Your refund.')).toEqual({ text: 'Ok Your refund.', caret: 15 });
    expect(insertSnippet('/he tail', 3, 'Hello')).toEqual({ text: 'Hello tail', caret: 5 });
  });
});
