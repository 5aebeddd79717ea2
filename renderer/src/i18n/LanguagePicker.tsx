import { isUiLocale, locales, matchLocale, nativeNames, pseudoLocale, type UiLocale } from '../../../common/i18n/locales';
import { useT } from './hooks';
import { setLocale, useLocaleSetting } from './localeSetting';

// The pseudo-locale is for finding clipped and untranslated text: offered in development builds,
// or in any build once chosen (the end-to-end suite stores it directly).
const offerPseudo = import.meta.env.DEV;

/** The language setting: the system's language, or one of the shipped ones; applies at once. */
export function LanguagePicker() {
  const t = useT();
  const { locale, chosen } = useLocaleSetting();
  const system = matchLocale(typeof navigator === 'undefined' ? [] : navigator.languages ?? []);
  const choices: UiLocale[] = [...locales, ...(offerPseudo || locale === pseudoLocale ? ([pseudoLocale] as const) : [])];
  return (
    <label className="language-picker">
      <span>{t('app.language.label')}</span>
      <select
        value={chosen ? locale : ''}
        onChange={(e) => setLocale(isUiLocale(e.target.value) ? e.target.value : null)}
        data-testid="language-picker"
      >
        <option value="">{t('app.language.system', { language: nativeNames[system] })}</option>
        {choices.map((l) => (
          <option key={l} value={l} lang={l === pseudoLocale ? 'en' : l}>{nativeNames[l]}</option>
        ))}
      </select>
    </label>
  );
}
