import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * Formats an ICU message (arguments, numbers, plural and select, as the catalogues write them) for
 * one locale. The renderer has react-intl; main and the export builders have only the parser (a
 * direct dependency), so the little formatting they need lives here, with Intl's plural rules.
 */

/** Values an ICU message's arguments take. */
export type IcuValues = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

function numberFor(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f;
}

/** Parses a message once; the result is what `formatIcu` takes. */
export function parseIcu(message: string): MessageFormatElement[] {
  return parse(message, { ignoreTag: true });
}

/**
 * The text of parsed `elements` in `locale` with `values`. A missing argument prints as its
 * `{name}` so a forgotten value shows in the output instead of vanishing.
 */
export function formatIcu(elements: readonly MessageFormatElement[], locale: string, values: IcuValues = {}, pound?: number): string {
  let out = '';
  for (const el of elements) {
    switch (el.type) {
      case TYPE.literal: out += el.value; break;
      case TYPE.pound: out += pound === undefined ? '#' : numberFor(locale).format(pound); break;
      case TYPE.argument: out += el.value in values ? String(values[el.value]) : `{${el.value}}`; break;
      case TYPE.number: {
        const v = values[el.value];
        out += typeof v === 'number' ? numberFor(locale).format(v) : v === undefined ? `{${el.value}}` : v;
        break;
      }
      case TYPE.select: {
        const option = el.options[String(values[el.value])] ?? el.options.other;
        if (option) out += formatIcu(option.value, locale, values, pound);
        break;
      }
      case TYPE.plural: {
        const n = Number(values[el.value]);
        const option = el.options[`=${n}`] ?? el.options[rulesFor(locale).select(n - el.offset)] ?? el.options.other;
        if (option) out += formatIcu(option.value, locale, values, n - el.offset);
        break;
      }
      case TYPE.tag: out += formatIcu(el.children, locale, values, pound); break;
      default: out += `{${'value' in el ? String(el.value) : '?'}}`;
    }
  }
  return out;
}
