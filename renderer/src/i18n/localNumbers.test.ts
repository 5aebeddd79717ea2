import { describe, expect, it } from 'vitest';
import { parse } from '@formatjs/icu-messageformat-parser';
import { createLocalisedIntl, plainArguments, writeNumber } from './localNumbers';
import { loadMessages } from './catalogue';

describe('numbers in plain message arguments', () => {
  it('are written in the language of the message, as the rest of the screen writes them', () => {
    const messages = { restoring: 'Restoring {done} of {total}' };
    const say = (locale: string) => createLocalisedIntl({ locale, messages }).formatMessage({ id: 'restoring' }, { done: 1200, total: 1502 });
    expect(say('en')).toBe('Restoring 1,200 of 1,502');
    expect(say('de')).toBe('Restoring 1.200 of 1.502');
    expect(say('fr')).toBe('Restoring 1\u202f200 of 1\u202f502');
  });

  it('keep every decimal String() gives, with the locale’s separator, and leave exponents alone', () => {
    expect(writeNumber(0.0312, 'de')).toBe('0,0312');
    expect(writeNumber(3.5, 'en')).toBe('3.5');
    expect(writeNumber(-12345.25, 'en')).toBe('-12,345.25');
    expect(writeNumber(1e-7, 'de')).toBe('1e-7');
  });

  it('leave plural, select and number arguments the number itself, even when also used plainly', () => {
    expect(plainArguments('{count, plural, one {# of {total}} other {# of {total}}} in {name}')).toEqual(['total', 'name']);
    expect(plainArguments('{n} and {n, number}')).toEqual([]);
    expect(plainArguments('<b>{size}</b> rows')).toEqual(['size']);
    const intl = createLocalisedIntl({ locale: 'de', messages: { m: '{count, plural, one {# Zeile} other {# Zeilen}} von {total}' } });
    expect(intl.formatMessage({ id: 'm' }, { count: 1, total: 2500 })).toBe('1 Zeile von 2.500');
    expect(intl.formatMessage({ id: 'm' }, { count: 2500, total: 2500 })).toBe('2.500 Zeilen von 2.500');
  });

  it('pass strings, dates and rich-text functions through untouched, and work on parsed catalogues', () => {
    const intl = createLocalisedIntl({ locale: 'de', messages: { m: parse('{name}: <b>{n}</b>') } });
    const parts = intl.formatMessage({ id: 'm' }, { name: '1234', n: 1234, b: (chunks: unknown[]) => `[${chunks.join('')}]` });
    expect([parts].flat().join('')).toBe('1234: [1.234]');
  });

  it('reach the app’s own messages: the restore progress in German', async () => {
    const intl = createLocalisedIntl({ locale: 'de', messages: await loadMessages('de') });
    expect(intl.formatMessage({ id: 'exports.file.restoring' }, { done: 1200, total: 1502 })).toBe('Wiederherstellen: 1.200 von 1.502');
  });
});
