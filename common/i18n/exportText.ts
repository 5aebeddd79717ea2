/**
 * The words of the exports (PDF and XLSX labels, report headings, the experiment memo) in each
 * shipped language. The builders in common/export are pure and take an `ExportText`; the renderer
 * makes one for the app's language, the CLI for `--locale` (English by default). The catalogue is
 * `common/i18n/messages/report/<locale>.json`, checked by the catalogue test like every other area.
 */
import ar from './messages/report/ar.json';
import de from './messages/report/de.json';
import en from './messages/report/en.json';
import es from './messages/report/es.json';
import fr from './messages/report/fr.json';
import hi from './messages/report/hi.json';
import ja from './messages/report/ja.json';
import ptBR from './messages/report/pt-BR.json';
import zhCN from './messages/report/zh-CN.json';
import { formattersFor, type Formatters } from './format';
import { formatIcu, parseIcu, type IcuValues } from './icuFormat';
import { isRightToLeft, isUiLocale, pseudoLocale, sourceLocale, type Locale } from './locales';

/** A label of the exports. */
export type ReportKey = keyof typeof en;

/** The name of a column label (`report.col.<name>`), shared by every export's tables. */
export type ColumnName = ReportKey extends infer K ? (K extends `report.col.${infer N}` ? N : never) : never;

/** Column labels by name, in `text`'s language, in the order given. */
export function columns(text: ExportText, ...names: ColumnName[]): string[] {
  return names.map((n) => text.t(`report.col.${n}`));
}

/** Everything an export builder needs to speak one language. */
export interface ExportText {
  /** The shipped locale the texts are in. */
  locale: Locale;
  /** Whether the language reads right to left. */
  rtl: boolean;
  /** The label `key`, its ICU arguments filled from `values`. */
  t(key: ReportKey, values?: IcuValues): string;
  /** Numbers, percents and dates for the locale. */
  fmt: Formatters;
}

const catalogues: Record<Locale, Partial<Record<ReportKey, string>>> = { en, ar, fr, es, de, 'pt-BR': ptBR, ja, 'zh-CN': zhCN, hi };
const made = new Map<Locale, ExportText>();

/**
 * The export texts in `locale`. Anything but a shipped locale (the pseudo-locale included: its
 * purpose is finding clipped text on screen) gets English; a label a catalogue lacks prints in
 * English, never as its key.
 */
export function exportText(locale: unknown = sourceLocale): ExportText {
  const l: Locale = isUiLocale(locale) && locale !== pseudoLocale ? locale : sourceLocale;
  const cached = made.get(l);
  if (cached) return cached;
  const parsed = new Map<ReportKey, ReturnType<typeof parseIcu>>();
  const messages = { ...en, ...catalogues[l] };
  const text: ExportText = {
    locale: l,
    rtl: isRightToLeft(l),
    t(key, values) {
      let p = parsed.get(key);
      if (!p) parsed.set(key, (p = parseIcu(messages[key])));
      return formatIcu(p, l, values);
    },
    fmt: formattersFor(l),
  };
  made.set(l, text);
  return text;
}

/** English: the builders' default, so the CLI and older callers print what they always did. */
export const englishText: ExportText = exportText(sourceLocale);

/**
 * Every label of a locale as one string: the export worker adds it to a job's text when choosing
 * which fonts to embed, so Japanese or Hindi labels print even when the content is English.
 */
export function reportCatalogueText(locale: unknown): string {
  const l = exportText(locale).locale;
  return Object.values({ ...en, ...catalogues[l] }).join('\n');
}
