import { createIntlCache, type IntlShape } from 'react-intl';
import { sourceLocale } from '../../../common/i18n/locales';
import { en, type MessageId } from './messages/en';
import { createLocalisedIntl } from './localNumbers';

/** Values an ICU message takes in plain-text use: numbers, strings, dates, booleans. */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

// English until the provider has loaded the chosen catalogue.
let active: IntlShape = createLocalisedIntl({ locale: sourceLocale, messages: en }, createIntlCache());

/** Called by the provider when the shown language changes. */
export function setActiveIntl(intl: IntlShape): void {
  active = intl;
}

/**
 * A message in the current language, for code outside components (a toast raised by a store, a
 * confirm() text, a document title). In components use `useT()`, which re-renders on a switch.
 */
export function translate(id: MessageId, values?: MessageValues): string {
  return active.formatMessage({ id }, values);
}

/** The language messages are currently shown in (for Intl formatting outside components). */
export function activeLocale(): string {
  return active.locale;
}
