import { describe, expect, it } from 'vitest';
import { columns, englishText, exportText, reportCatalogueText } from './exportText';
import { formatIcu, parseIcu } from './icuFormat';

describe('exportText', () => {
  it('speaks the asked language and falls back to English for anything else', () => {
    expect(exportText('de').t('report.col.responses')).toBe('Antworten');
    expect(exportText('ja').t('report.col.responses')).toBe('回答数');
    for (const odd of ['en-XA', 'xx', undefined, 42]) expect(exportText(odd).t('report.col.responses')).toBe('Responses');
    expect(englishText.locale).toBe('en');
  });

  it('knows which languages read right to left', () => {
    expect(exportText('ar').rtl).toBe(true);
    expect(exportText('hi').rtl).toBe(false);
  });

  it('fills plurals by each language’s rules and numbers by its digits', () => {
    expect(exportText('en').t('report.persona.title', { count: 1 })).toBe('1 persona');
    expect(exportText('de').t('report.persona.title', { count: 1200 })).toBe('1.200 Personas');
    expect(exportText('ar').t('report.persona.title', { count: 2 })).toBe('شخصيتان');
    expect(exportText('ar').t('report.persona.title', { count: 5 })).toBe(`${new Intl.NumberFormat('ar').format(5)} شخصيات`);
  });

  it('gives column labels in order', () => {
    expect(columns(exportText('fr'), 'day', 'weight')).toEqual(['Jour', 'Poids']);
  });

  it('lists a language’s labels for choosing fonts', () => {
    expect(reportCatalogueText('hi')).toContain('पर्सोना');
    expect(reportCatalogueText('en')).not.toContain('पर्सोना');
  });
});

describe('formatIcu', () => {
  it('selects, counts with exact matches and shows a missing argument', () => {
    const m = parseIcu('{kind, select, wait {Wait {n, plural, =0 {no time} one {# day} other {# days}}} other {?}} for {who}');
    expect(formatIcu(m, 'en', { kind: 'wait', n: 0, who: 'Ann' })).toBe('Wait no time for Ann');
    expect(formatIcu(m, 'en', { kind: 'wait', n: 1, who: 'Ann' })).toBe('Wait 1 day for Ann');
    expect(formatIcu(m, 'en', { kind: 'wait', n: 3 })).toBe('Wait 3 days for {who}');
  });
});
