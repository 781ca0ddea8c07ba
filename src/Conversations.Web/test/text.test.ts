import { describe, expect, test } from 'vitest';
import { render } from 'lit';
import { renderText } from '../src/shared/render-text';
import { linkify } from '../src/shared/text';
import { contrastRatio, textOn } from '../src/widget/contrast';
import { pickLocale } from '../src/shared/i18n';
import { checkImage } from '../src/widget/upload';

describe('text is text', () => {
  test('only http and https become links, trailing punctuation stays text', () => {
    expect(linkify('see https://example.com/a?b=1. or javascript:alert(1) data:text/html,x')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. or javascript:alert(1) data:text/html,x' },
    ]);
  });

  test('markup renders as text and links open safely', () => {
    const host = document.createElement('div');
    render(renderText('<img src=x onerror=alert(1)> http://a.test/x'), host);
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror=alert(1)>');
    const link = host.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('http://a.test/x');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('look and language', () => {
  test('text on the site colour meets WCAG AA (4.5:1)', () => {
    for (const color of ['#0b5cad', '#ffcc00', '#777777', '#000000', '#ffffff', '#e91e63']) {
      expect(contrastRatio(color, textOn(color))).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('locale from data-locale, then the browser, else English', () => {
    expect(pickLocale(['en', 'fr'], ['fr-CA', 'en'], 'en')).toBe('fr');
    expect(pickLocale(['en', 'fr'], [undefined, 'de-DE', 'fr'], 'en')).toBe('fr');
    expect(pickLocale(['en', 'fr'], ['de'], 'en')).toBe('en');
  });

  test('images are checked before upload', () => {
    expect(checkImage({ type: 'image/png', size: 1000 })).toBe('ok');
    expect(checkImage({ type: 'application/pdf', size: 1000 })).toBe('wrongType');
    expect(checkImage({ type: 'image/jpeg', size: 6 * 1024 * 1024 })).toBe('tooLarge');
  });
});
