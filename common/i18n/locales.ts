/**
 * The languages CX Studio speaks, and how a person's preferred languages map onto them. Pure, so
 * the renderer (UI), main (native menu) and export builders share one list.
 */

/** Locale codes of the shipped catalogues, English first (it is the source and the fallback). */
export const locales = ['en', 'ar', 'fr', 'es', 'de', 'pt-BR', 'ja', 'zh-CN', 'hi'] as const;
/** A shipped locale. */
export type Locale = (typeof locales)[number];

/**
 * The pseudo-locale: English with accented letters, 40 % longer and bracketed, so clipped or
 * hard-coded text shows in screenshots. Offered in development and tests only, never detected.
 */
export const pseudoLocale = 'en-XA';
/** A locale the UI can be shown in: a shipped one or the pseudo-locale. */
export type UiLocale = Locale | typeof pseudoLocale;

/** The source language: its catalogues define the keys every other catalogue must have. */
export const sourceLocale: Locale = 'en';

/** Each language's name in itself: a picker lists languages the way their readers know them. */
export const nativeNames: Record<UiLocale, string> = {
  en: 'English',
  ar: 'العربية',
  fr: 'Français',
  es: 'Español',
  de: 'Deutsch',
  'pt-BR': 'Português (Brasil)',
  ja: '日本語',
  'zh-CN': '简体中文',
  hi: 'हिन्दी',
  [pseudoLocale]: 'Pseudo (ŀöñĝéŕ)',
};

const rtl: ReadonlySet<string> = new Set(['ar']);

/** Whether text in this locale reads right to left (the whole layout is mirrored). */
export function isRightToLeft(locale: string): boolean {
  return rtl.has(locale.split('-')[0]!.toLowerCase());
}

/** Whether a value names a locale the UI can be shown in (the pseudo-locale included). */
export function isUiLocale(value: unknown): value is UiLocale {
  return value === pseudoLocale || (locales as readonly unknown[]).includes(value);
}

// Chinese written in Traditional characters is not served by the Simplified catalogue: a reader
// of zh-TW is better served by their next preference (or English) than by the other script.
const traditionalChinese = /^zh-(hant|tw|hk|mo)\b/i;

/**
 * The shipped locale that best serves a list of preferred languages (BCP 47 tags, most preferred
 * first, as `navigator.languages` or Electron's `app.getLocale()` give them): an exact match, else
 * the same language in another region (`pt-PT` → Brazilian Portuguese, `fr-CA` → French), else the
 * next preference; English when nothing matches. Malformed tags are skipped.
 */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const raw of preferred.slice(0, 20)) {
    if (typeof raw !== 'string' || raw.length > 35) continue;
    const tag = raw.trim().replace(/_/g, '-');
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) continue;
    const exact = locales.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    if (traditionalChinese.test(tag)) continue;
    const language = tag.split('-')[0]!.toLowerCase();
    const sameLanguage = locales.find((l) => l.split('-')[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return sourceLocale;
}
