import type { Attributes } from './ports';

/** `{{ first_name }}`: letters, digits, `_`, `.` and `-`, spaces around allowed. */
const variable = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** A rendered text, or the variables that had no value (in order of first use). */
export type Rendered = { ok: true; text: string } | { ok: false; missing: string[] };

/**
 * Fills `{{name}}` from the customer's attributes (plus `customer_id`). A variable with no value, or
 * an empty one, fails the whole text: a message is never sent half filled.
 */
export function renderTemplate(text: string, attributes: Attributes, customerId: string): Rendered {
  const missing: string[] = [];
  const out = text.replace(variable, (_, name: string) => {
    const value = name === 'customer_id' ? customerId : attributes[name];
    if (value === undefined || String(value).trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return '';
    }
    return String(value);
  });
  return missing.length > 0 ? { ok: false, missing } : { ok: true, text: out };
}

/** Renders several fields at once; missing variables of all of them are reported together. */
export function renderAll<K extends string>(fields: Record<K, string>, attributes: Attributes, customerId: string): { ok: true; texts: Record<K, string> } | { ok: false; missing: string[] } {
  const texts = {} as Record<K, string>;
  const missing: string[] = [];
  for (const key of Object.keys(fields) as K[]) {
    const r = renderTemplate(fields[key], attributes, customerId);
    if (r.ok) texts[key] = r.text;
    else for (const m of r.missing) if (!missing.includes(m)) missing.push(m);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, texts };
}

/** "{{first_name}}" or "{{first_name}} and {{plan}}" for messages. */
export function missingText(missing: readonly string[]): string {
  const names = missing.map((m) => `{{${m}}}`);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
