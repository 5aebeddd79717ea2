import { menuLabels, type MenuLabels } from '../../common/i18n/menuLabels';
import { isUiLocale, matchLocale, pseudoLocale, type Locale } from '../../common/i18n/locales';

/** The native menu's language: follows the app's, which the renderer reports over `app:setLocale`. */
export interface MenuLanguage {
  /** The language the menu is drawn in. */
  readonly current: Locale;
  /** Draws the menu in `locale` (English for the pseudo-locale or an unknown value); returns the language used. */
  set(locale: unknown): Locale;
}

/**
 * Starts in the system's language (as the renderer does on first start, before the person chooses
 * one), and redraws the menu only when the language really changes: `apply` rebuilds the whole
 * application menu, which a renderer re-reporting the same language must not cost.
 */
export function createMenuLanguage(systemLanguages: readonly string[], apply: (labels: MenuLabels, locale: Locale) => void): MenuLanguage {
  let current = matchLocale(systemLanguages);
  apply(menuLabels(current), current);
  return {
    get current() {
      return current;
    },
    set(locale) {
      const next: Locale = isUiLocale(locale) && locale !== pseudoLocale ? locale : 'en';
      if (next !== current) {
        current = next;
        apply(menuLabels(next), next);
      }
      return current;
    },
  };
}
