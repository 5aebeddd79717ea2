import { createIntl, type IntlCache, type IntlConfig, type IntlShape } from 'react-intl';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * ICU prints a number given to a plain argument (`"Restoring {done} of {total}"`) with String():
 * "1502" in every language, where the same figure elsewhere on the screen reads "1,502", "1.502"
 * or "1 502". Rather than trust every message and caller to say `{total, number}`, the app's intl
 * object formats such numbers itself, in the message's locale. Only arguments used nowhere but as
 * plain `{name}` are touched: a plural, select or `{n, number}` still receives the number itself.
 */
export function createLocalisedIntl(config: IntlConfig, cache?: IntlCache): IntlShape {
  const intl = createIntl(config, cache);
  // formatMessage's overloads (typed ids, rich-text values) are react-intl's; the wrapper only
  // passes them through, so it is typed loosely and cast back.
  const base = intl.formatMessage as unknown as (descriptor: { id?: unknown }, values?: Values, options?: unknown) => unknown;
  const messages: Record<string, string | MessageFormatElement[]> = config.messages ?? {};
  const formatMessage = ((descriptor: { id?: unknown }, values?: Values, options?: unknown) => {
    const message = typeof descriptor.id === 'string' ? messages[descriptor.id] : undefined;
    return base(descriptor, message === undefined ? values : localiseNumbers(message, values, intl.locale), options);
  }) as unknown as IntlShape['formatMessage'];
  return { ...intl, formatMessage, $t: formatMessage as unknown as IntlShape['$t'] };
}

type Values = Record<string, unknown> | undefined;

/** `values` with each number that fills only plain arguments of `message` written in `locale`. */
export function localiseNumbers<V extends Values>(message: string | MessageFormatElement[], values: V, locale: string): V {
  if (!values) return values;
  let changed: Record<string, unknown> | null = null;
  for (const name of plainArguments(message)) {
    const value = values[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    changed ??= { ...values };
    changed[name] = writeNumber(value, locale);
  }
  return (changed ?? values) as V;
}

/** The number in the locale's digits and separators, with exactly the decimals String() gives. */
export function writeNumber(value: number, locale: string): string {
  const plain = String(value);
  // Exponent forms (1e-7, 1e21) are left as they are: no locale writes them better.
  if (plain.includes('e')) return plain;
  const point = plain.indexOf('.');
  const decimals = point < 0 ? 0 : plain.length - point - 1;
  return numberFormat(locale, decimals).format(value);
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f;
}

const plainCache = new Map<string | MessageFormatElement[], readonly string[]>();

/** Names the message uses only as plain `{name}` arguments (anywhere, nested branches included). */
export function plainArguments(message: string | MessageFormatElement[]): readonly string[] {
  const cached = plainCache.get(message);
  if (cached) return cached;
  let elements: MessageFormatElement[];
  try {
    elements = typeof message === 'string' ? parse(message) : message;
  } catch {
    // A message ICU cannot parse fails in formatMessage with its own error; nothing to localise.
    elements = [];
  }
  const plain = new Set<string>();
  const typed = new Set<string>();
  walk(elements, plain, typed);
  const names = [...plain].filter((name) => !typed.has(name));
  plainCache.set(message, names);
  return names;
}

function walk(elements: MessageFormatElement[], plain: Set<string>, typed: Set<string>): void {
  for (const e of elements) {
    switch (e.type) {
      case TYPE.argument:
        plain.add(e.value);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        typed.add(e.value);
        break;
      case TYPE.plural:
      case TYPE.select:
        typed.add(e.value);
        for (const option of Object.values(e.options)) walk(option.value, plain, typed);
        break;
      case TYPE.tag:
        walk(e.children, plain, typed);
        break;
      default:
        break;
    }
  }
}
