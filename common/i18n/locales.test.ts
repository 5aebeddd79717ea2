import { describe, expect, it } from 'vitest';
import { formattersFor } from './format';
import { isRightToLeft, isUiLocale, matchLocale } from './locales';

describe('matchLocale', () => {
  it('maps system languages onto the shipped catalogues', () => {
    const cases: Array<[string[], string]> = [
      [['fr-FR'], 'fr'],
      [['fr-CA', 'en'], 'fr'],
      [['pt-PT'], 'pt-BR'],
      [['pt_BR'], 'pt-BR'],
      [['zh-CN'], 'zh-CN'],
      [['zh-Hans-CN'], 'zh-CN'],
      [['zh-TW', 'ja'], 'ja'],
      [['zh-Hant'], 'en'],
      [['nl-NL', 'de-AT'], 'de'],
      [['ar-EG'], 'ar'],
      [['hi-IN'], 'hi'],
      [['en-GB'], 'en'],
      [['sv'], 'en'],
      [[], 'en'],
    ];
    for (const [preferred, want] of cases) expect(matchLocale(preferred), preferred.join(',')).toBe(want);
  });

  it('skips malformed tags instead of failing', () => {
    for (const junk of ['', ' ', '-', 'x'.repeat(100), '../fr', 'fr;q=0.9', '__proto__', 'constructor']) {
      expect(matchLocale([junk, 'es'])).toBe('es');
    }
    expect(matchLocale([42 as unknown as string, 'ja'])).toBe('ja');
  });
});

describe('locale facts', () => {
  it('knows which languages read right to left', () => {
    expect(isRightToLeft('ar')).toBe(true);
    expect(isRightToLeft('ar-EG')).toBe(true);
    for (const l of ['en', 'fr', 'de', 'ja', 'zh-CN', 'hi', 'pt-BR', 'en-XA']) expect(isRightToLeft(l)).toBe(false);
  });

  it('accepts only shipped locales and the pseudo-locale as a setting', () => {
    for (const ok of ['en', 'pt-BR', 'zh-CN', 'en-XA']) expect(isUiLocale(ok)).toBe(true);
    for (const bad of ['pt', 'zh', 'EN', 'en-US', '', null, 3, 'toString']) expect(isUiLocale(bad)).toBe(false);
  });
});

describe('formattersFor', () => {
  it('formats numbers, percents and dates the way each locale writes them', () => {
    const day = new Date(Date.UTC(2026, 11, 5, 12));
    expect(formattersFor('en').number(1234.5)).toBe('1,234.5');
    expect(formattersFor('de').number(1234.5)).toBe('1.234,5');
    expect(formattersFor('fr').number(1234.5)).toBe('1\u202f234,5');
    expect(formattersFor('hi').integer(1234567)).toBe('12,34,567');
    expect(formattersFor('en').percent(0.42)).toBe('42%');
    expect(formattersFor('de').percent(0.425, 1)).toBe('42,5\u00a0%');
    expect(formattersFor('ja').date(day)).toBe('2026/12/05');
    expect(formattersFor('en').date(day)).toBe('Dec 5, 2026');
  });

  it('clamps absurd digit counts instead of throwing', () => {
    expect(formattersFor('en').number(1 / 3, 500)).toBe('0.333333');
    expect(formattersFor('en').number(1 / 3, -4)).toBe('0');
    expect(formattersFor('en').number(1 / 3, Number.NaN)).toBe('0.33');
  });
});
