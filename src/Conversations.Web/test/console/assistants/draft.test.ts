import { describe, expect, it } from 'vitest';
import { connections, lines, newIntent, operandOf, operatorOf, synonymsToText, textIn, textToSynonyms, uniqueId, withTest, withText } from '../../../src/console/assistants/draft';
import type { AssistantDef } from '../../../src/console/assistants/model';

describe('texts per language', () => {
  it('reads a plain string in every language and a map per language', () => {
    expect(textIn('Hi', 'fr')).toBe('Hi');
    expect(textIn({ en: 'Hi', fr: 'Salut' }, 'fr')).toBe('Salut');
    expect(textIn({ '*': 'Hi' }, 'en')).toBe('Hi');
    expect(textIn(undefined, 'en')).toBe('');
  });

  it('splits a plain string per language before changing one, so the others keep it', () => {
    expect(withText('Hi', 'fr', 'Salut', ['en', 'fr'])).toEqual({ en: 'Hi', fr: 'Salut' });
    expect(withText({ '*': 'Hi' }, 'fr', 'Salut', ['en', 'fr'])).toEqual({ en: 'Hi', fr: 'Salut' });
  });

  it('drops an emptied language, and the whole text when none is left', () => {
    expect(withText({ en: 'Hi', fr: 'Salut' }, 'fr', '', ['en', 'fr'])).toEqual({ en: 'Hi' });
    expect(withText({ en: 'Hi' }, 'en', '', ['en', 'fr'])).toBeUndefined();
  });
});

describe('lists', () => {
  it('keeps one trimmed entry per non-empty line', () => {
    expect(lines(' where is my order \n\n track it\r\n')).toEqual(['where is my order', 'track it']);
  });

  it('round-trips synonyms through their lines and ignores lines without variants', () => {
    const synonyms = { order: ['parcel', 'package'], 'gift card': ['giftcard'] };
    expect(textToSynonyms(synonymsToText(synonyms))).toEqual(synonyms);
    expect(textToSynonyms('nothing here\nrefund:\nfast: quick,, rapid ')).toEqual({ fast: ['quick', 'rapid'] });
  });

  it('finds an id not yet taken', () => {
    expect(uniqueId('intent', [])).toBe('intent');
    expect(uniqueId('intent', ['intent', 'intent-2'])).toBe('intent-3');
  });

  it('gives a new intent an empty phrase list per language', () => {
    const d = { languages: ['fr', 'en'], intents: [{ id: 'intent' }] } as unknown as AssistantDef;
    expect(newIntent(d)).toEqual({ id: 'intent-2', phrases: { fr: [], en: [] }, quickReplies: [] });
  });
});

describe('conditions', () => {
  it('reads the test and its operand', () => {
    expect(operatorOf({ variable: 'langue', equals: 'es' })).toBe('equals');
    expect(operatorOf({ variable: 'email', exists: false })).toBe('exists');
    expect(operandOf({ variable: 'email', exists: false })).toBe('false');
    expect(operandOf({ variable: 'x', matches: '^a' })).toBe('^a');
  });

  it('replaces every test with the one chosen', () => {
    expect(withTest({ variable: 'langue', equals: 'es', contains: 'e' }, 'matches', '^e')).toEqual({ variable: 'langue', matches: '^e' });
    expect(withTest({ variable: 'email', equals: 'x' }, 'exists', 'true')).toEqual({ variable: 'email', exists: true });
  });
});

describe('connections', () => {
  it('lists the sites and channels an assistant answers on', () => {
    const sites = [{ id: 'demo', assistantId: 'a' }, { id: 'other', assistantId: null }];
    const channels = [{ id: 'api-demo', assistantId: 'a' }, { id: 'wa', assistantId: 'b' }];
    expect(connections('a', sites, channels)).toEqual([{ kind: 'site', id: 'demo' }, { kind: 'channel', id: 'api-demo' }]);
  });
});
