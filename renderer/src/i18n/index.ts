/**
 * Translations: every user-facing string of the renderer goes through here (react-intl, ICU
 * messages). How to use it, and how to add strings without stepping on anyone:
 *
 * WRITING A STRING
 *   const t = useT();                       // in a component
 *   <h1>{t('personas.list.title')}</h1>
 *   t('personas.list.count', { count })     // ICU: "{count, plural, one {# persona} other {# personas}}"
 *   Rich text (bold, links): <FormattedMessage id="app.dataProblems.summary" values={{ b: (c) => <b>{c}</b> }} />
 *   Outside components (stores, toasts, confirm texts): translate('personas.saved').
 *   Numbers, percents, dates: const f = useFormat(); f.number(1234.5), f.percent(0.42), f.date(d), f.dateTime(d).
 *   Never concatenate sentences from pieces or pick singular/plural in code: one message with
 *   ICU `plural`/`select`, so each language orders and inflects its own way.
 *
 * WHERE MESSAGES LIVE (one file per area per locale, so several people add keys without conflicts)
 *   renderer/src/i18n/messages/<area>/<locale>.json      e.g. messages/personas/fr.json
 *   Keys are namespaced by area: "<area>.<screen or part>.<name>", e.g. "personas.editor.save".
 *   Locales: en (source), ar, fr, es, de, pt-BR, ja, zh-CN, hi (common/i18n/locales.ts).
 *   A new area: create messages/<area>/<locale>.json for all nine locales and add one import +
 *   spread in messages/en.ts (that file types the keys: an unknown key fails tsc). Other locales
 *   are found by file name and loaded lazily, only when chosen.
 *
 * RULES THE TESTS ENFORCE
 *   catalogues.test.ts: every locale file has exactly the keys of its en.json, each parses as ICU,
 *   and uses the same arguments with the same types as English (a translation that drops {count}
 *   or turns a plural into a plain argument fails). Write translations for the product (the words a
 *   CX consultant in that country uses), not word for word; Arabic needs its plural branches
 *   (zero, one, two, few, many, other) where a count is shown.
 *   ESLint `cx/no-jsx-text` fails on literal text in JSX and in user-facing attributes (aria-label,
 *   title, placeholder, alt) in the folders listed in eslint.config.mjs under "Translated folders":
 *   add a folder there once its screens are converted.
 *
 * RIGHT TO LEFT AND THE PSEUDO-LOCALE
 *   The provider sets <html lang dir>; Arabic is dir="rtl". In CSS use logical properties
 *   (margin-inline-start, padding-inline-end, inset-inline-start, text-align: start, border-inline-end)
 *   never left/right; give directional icons (arrows, chevrons) the class "flip-rtl".
 *   The pseudo-locale en-XA (accented, ~40 % longer, bracketed) is in the language picker in dev
 *   builds; e2e tests choose it with localStorage 'cx.locale.v1' = 'en-XA'. Unaccented text on
 *   screen was not translated; a missing closing bracket means clipping.
 */
import type { MessageId } from './messages/en';

export { I18nProvider } from './I18nProvider';
export { LanguagePicker } from './LanguagePicker';
export { useFormat, useRightToLeft, useT } from './hooks';
export { useTemplateText } from './templateText';
export { translate, activeLocale, type MessageValues } from './translate';
export { currentLocale, setLocale, useLocaleSetting } from './localeSetting';
export type { MessageId } from './messages/en';
export { FormattedMessage } from 'react-intl';

// Types react-intl's own `id` props and formatMessage with our keys.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- react-intl's documented extension point
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
