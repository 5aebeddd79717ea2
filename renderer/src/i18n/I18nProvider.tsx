import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { RawIntlProvider, createIntlCache } from 'react-intl';
import { isRightToLeft, pseudoLocale, sourceLocale, type UiLocale } from '../../../common/i18n/locales';
import { loadMessages, type Messages } from './catalogue';
import { createLocalisedIntl } from './localNumbers';
import { en } from './messages/en';
import { setActiveIntl } from './translate';
import { useLocaleSetting } from './localeSetting';

const intlCache = createIntlCache();
// Loaded catalogues stay: switching back to a language is instant.
const loadedCatalogues = new Map<UiLocale, Messages>([[sourceLocale, en]]);

/**
 * Shows the app in the chosen language, switching live when the setting changes (no reload: every
 * `useT`/`FormattedMessage` re-renders). Sets `lang` and `dir` on <html>, so Arabic mirrors the whole
 * layout through logical CSS properties. Until the first catalogue has loaded (a local chunk, a few
 * milliseconds) nothing is shown rather than a flash of English.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocaleSetting();
  const [shown, setShown] = useState<{ locale: UiLocale; messages: Messages } | null>(() => {
    const messages = loadedCatalogues.get(locale);
    return messages ? { locale, messages } : null;
  });

  useEffect(() => {
    let cancelled = false;
    const cached = loadedCatalogues.get(locale);
    const loading = cached ? Promise.resolve(cached) : loadMessages(locale);
    loading.then(
      (messages) => {
        loadedCatalogues.set(locale, messages);
        if (!cancelled) setShown({ locale, messages });
      },
      (error: unknown) => {
        // A catalogue chunk that fails to load (a broken install) must not blank the app.
        console.error(`The ${locale} catalogue could not be loaded; showing English`, error);
        if (!cancelled) setShown({ locale: sourceLocale, messages: en });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [locale]);

  const intl = useMemo(() => {
    if (!shown) return null;
    // Intl has no data for the pseudo-locale: it formats numbers and dates as English.
    const intlLocale = shown.locale === pseudoLocale ? sourceLocale : shown.locale;
    return createLocalisedIntl({ locale: intlLocale, defaultLocale: sourceLocale, messages: shown.messages }, intlCache);
  }, [shown]);

  useEffect(() => {
    if (!shown || !intl) return;
    setActiveIntl(intl);
    const root = document.documentElement;
    root.lang = shown.locale;
    root.dir = isRightToLeft(shown.locale) ? 'rtl' : 'ltr';
  }, [shown, intl]);

  if (!intl) return null;
  return <RawIntlProvider value={intl}>{children}</RawIntlProvider>;
}
