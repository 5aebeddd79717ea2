/**
 * `--lang`: the language of the reports the command line writes (labels, numbers, dates), one of the
 * app's nine. Anything else is refused with the choices, never silently printed in English.
 */
import { exportText, type ExportText } from '../common/i18n/exportText';
import { locales, type Locale } from '../common/i18n/locales';

/** The reports' text for `--lang` (English without it), or the sentence refusing the value. */
export function langText(value: string | undefined): { ok: true; text: ExportText } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, text: exportText('en') };
  const locale = locales.find((l) => l.toLowerCase() === value.toLowerCase());
  if (!locale) return { ok: false, message: `--lang "${value}" is not a language of CX Studio; choose one of ${locales.join(', ')}.` };
  return { ok: true, text: exportText(locale satisfies Locale) };
}
