import { describe, expect, it } from 'vitest';
import type { IntlConfig } from 'react-intl';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createLocalisedIntl, plainArguments, writeNumber } from './localNumbers';
import { loadMessages } from './catalogue';
import type { MessageId } from './messages/en';

// Catalogue ids are typed; the cases below put their own message under one real id.
const id: MessageId = 'exports.file.restoring';
function say(locale: string, message: string | MessageFormatElement[], values: Record<string, unknown>): string {
  const intl = createLocalisedIntl({ locale, messages: { [id]: message } as unknown as IntlConfig['messages'] });
  return [intl.formatMessage({ id }, values as never)].flat().join('');
}

describe('numbers in plain message arguments', () => {
  it('are written in the language of the message, as the rest of the screen writes them', () => {
    const values = { done: 1200, total: 1502 };
    expect(say('en', 'Restoring {done} of {total}', values)).toBe('Restoring 1,200 of 1,502');
    expect(say('de', 'Restoring {done} of {total}', values)).toBe('Restoring 1.200 of 1.502');
    expect(say('fr', 'Restoring {done} of {total}', values)).toBe('Restoring 1\u202f200 of 1\u202f502');
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
    const message = '{count, plural, one {# Zeile} other {# Zeilen}} von {total}';
    expect(say('de', message, { count: 1, total: 2500 })).toBe('1 Zeile von 2.500');
    expect(say('de', message, { count: 2500, total: 2500 })).toBe('2.500 Zeilen von 2.500');
  });

  it('pass strings and rich-text functions through untouched, and work on parsed catalogues', () => {
    const values = { name: '1234', n: 1234, b: (chunks: unknown[]) => `[${chunks.join('')}]` };
    expect(say('de', parse('{name}: <b>{n}</b>'), values)).toBe('1234: [1.234]');
  });

  it('reach the app’s own messages: the restore progress in German', async () => {
    const intl = createLocalisedIntl({ locale: 'de', messages: await loadMessages('de') });
    expect(intl.formatMessage({ id: 'exports.file.restoring' }, { done: 1200, total: 1502 })).toBe('Wiederherstellen: 1.200 von 1.502');
  });
});
