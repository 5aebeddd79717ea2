/**
 * Built-in template content in the user's language. Templates are written in English in code; a
 * text table per language maps each English text to its translation (renderer/src/i18n/templates/
 * <locale>.json, keyed by the English text, like gettext). `localizeTemplate` returns a copy with
 * the texts of a table swapped in; a text the table lacks stays English, so a missing entry never
 * loses content. Only fields people read are touched (names, labels, card and list texts, messages),
 * never ids, types, channels or other values the app matches on.
 */

/** English text → translated text, for one language. */
export type TemplateTextTable = Readonly<Record<string, string>>;

/** Keys whose string values are prose a person reads (journey and persona templates alike). */
const textKeys = new Set([
  'name', 'description', 'category', 'text', 'label', 'title', 'tagline', 'marketSize', 'attribution',
  'subject', 'body', 'message', 'reason', 'left', 'right', 'role', 'domain',
  'gender', 'age', 'location', 'occupation', 'education', 'income', 'family', 'source',
]);

function swap(value: unknown, table: TemplateTextTable, textField: boolean): unknown {
  if (typeof value === 'string') return textField && Object.hasOwn(table, value) ? table[value] : value;
  if (Array.isArray(value)) return value.map((v) => swap(v, table, textField));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = swap(v, table, textKeys.has(k));
    return out;
  }
  return value;
}

/** A copy of `template` with its readable texts in the table's language (English where the table has no entry). */
export function localizeTemplate<T extends object>(template: T, table: TemplateTextTable): T {
  return swap(template, table, false) as T;
}

/** Every readable text of a template (what a table for it has to cover), once each. */
export function templateTexts(template: object): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, textField: boolean): void => {
    if (typeof value === 'string') { if (textField && value.trim() !== '') found.add(value); return; }
    if (Array.isArray(value)) { for (const v of value) walk(v, textField); return; }
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, textKeys.has(k));
  };
  walk(template, false);
  return [...found];
}
