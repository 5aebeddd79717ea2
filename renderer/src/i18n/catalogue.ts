import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { pseudoLocale, sourceLocale, type UiLocale } from '../../../common/i18n/locales';
import { en } from './messages/en';
import { pseudoCatalogue } from './pseudo';

/** A locale's messages as react-intl takes them: ICU strings, or parsed messages (pseudo-locale). */
export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>;

// Every area's translations, one chunk per file, fetched only when their language is chosen:
// English is in the main bundle (it is the fallback), the eight others cost nothing until used.
const loaders = import.meta.glob<Record<string, string>>(['./messages/*/*.json', '!./messages/*/en.json'], { import: 'default' });

/**
 * The messages of a locale, over English: a key a catalogue lacks (the catalogue test fails on
 * that, but a stored file could be older) shows in English rather than as its id.
 */
export async function loadMessages(locale: UiLocale): Promise<Messages> {
  if (locale === sourceLocale) return en;
  if (locale === pseudoLocale) return pseudoCatalogue(en);
  const suffix = `/${locale}.json`;
  const parts = await Promise.all(Object.entries(loaders).filter(([path]) => path.endsWith(suffix)).map(([, load]) => load()));
  return Object.assign({}, en, ...parts) as Record<string, string>;
}
