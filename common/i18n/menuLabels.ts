/**
 * The native menu's words in each shipped language. Main builds the menu from these (it has no
 * react-intl), so they live beside the other catalogues in `common/i18n/messages/menu/` and the
 * catalogue test checks them like every other area: every key in every language.
 */
import ar from './messages/menu/ar.json';
import de from './messages/menu/de.json';
import en from './messages/menu/en.json';
import es from './messages/menu/es.json';
import fr from './messages/menu/fr.json';
import hi from './messages/menu/hi.json';
import ja from './messages/menu/ja.json';
import ptBR from './messages/menu/pt-BR.json';
import zhCN from './messages/menu/zh-CN.json';
import { isUiLocale, pseudoLocale, type Locale } from './locales';

/** A label of the native menu. */
export type MenuLabelKey = keyof typeof en;
/** Every label of the native menu in one language. */
export type MenuLabels = Record<MenuLabelKey, string>;

const catalogues: Record<Locale, Partial<MenuLabels>> = { en, ar, fr, es, de, 'pt-BR': ptBR, ja, 'zh-CN': zhCN, hi };

/**
 * The menu's labels in `locale`, over English (a label a catalogue lacks shows in English, never as
 * its key). The pseudo-locale and anything unknown get English: the menu is drawn by the OS, where
 * the pseudo-locale's purpose (finding clipped text in screenshots) does not apply.
 */
export function menuLabels(locale: unknown): MenuLabels {
  if (!isUiLocale(locale) || locale === pseudoLocale) return en;
  return { ...en, ...catalogues[locale] };
}
