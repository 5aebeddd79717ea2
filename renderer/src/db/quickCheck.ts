/**
 * A yes/no JSON Schema check built once per schema as a tree of closures (no `new Function`: the
 * app's CSP forbids eval), for the keywords the workspace's schemas use. It answers only "valid";
 * a document it does not pass goes to the full validator (validation.ts), which then decides and
 * words the errors, so a refusal reads exactly as before. Why: the full validator builds a JSON
 * pointer string for every property it visits, valid or not, and was the largest part of the
 * app's CPU when pulling 100k small documents (issue 20 bench).
 *
 * Same meaning as @cfworker/json-schema 4.1.6, draft 7, on every keyword here (its source is the
 * reference; quickCheck.test.ts compares the two on thousands of random documents). A schema using
 * any other keyword gets no quick check at all.
 */
export type QuickCheck = (value: unknown) => boolean;

/** Keywords that carry no rule for a value (RxDB's and JSON Schema's annotations). */
const annotations = new Set(['title', 'description', 'version', 'primaryKey', 'indexes', 'internalIndexes', 'encrypted', 'keyCompression', 'default', 'final', '$comment']);
const rules = new Set(['type', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'maxItems', 'minItems', 'maxLength', 'minLength', 'minimum', 'maximum', 'multipleOf', 'pattern']);
const types = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

class Unsupported extends Error {}

/** The quick check of a schema, or undefined when the schema uses a keyword it does not know. */
export function quickCheck(schema: unknown): QuickCheck | undefined {
  try {
    return build(schema);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** The validator's own type names; anything else (undefined, a function) makes it throw, so: not passed here. */
function kindOf(value: unknown): Kind | undefined {
  switch (typeof value) {
    case 'string': return 'string';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'object': return value === null ? 'null' : Array.isArray(value) ? 'array' : 'object';
    default: return undefined;
  }
}

function build(schema: unknown): QuickCheck {
  if (schema === true) return () => true;
  if (schema === false) return () => false;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Unsupported();
  const s = schema as Record<string, unknown>;
  for (const key of Object.keys(s)) if (!rules.has(key) && !annotations.has(key)) throw new Unsupported();
  const checks: ((value: unknown, kind: Kind) => boolean)[] = [];
  if (s.type !== undefined) checks.push(typeRule(s.type));
  if (s.enum !== undefined) checks.push(enumRule(s.enum));
  const object = objectRule(s);
  if (object) checks.push((v, k) => k !== 'object' || object(v as Record<string, unknown>));
  const array = arrayRule(s);
  if (array) checks.push((v, k) => k !== 'array' || array(v as unknown[]));
  const string = stringRule(s);
  if (string) checks.push((v, k) => k !== 'string' || string(v as string));
  const number = numberRule(s);
  if (number) checks.push((v, k) => k !== 'number' || number(v as number));
  return (value) => {
    const kind = kindOf(value);
    if (kind === undefined) return false;
    for (const check of checks) if (!check(value, kind)) return false;
    return true;
  };
}

function typeRule(type: unknown): (value: unknown, kind: Kind) => boolean {
  const list = Array.isArray(type) ? type : [type];
  if (list.length === 0 || !list.every((t) => typeof t === 'string' && types.has(t))) throw new Unsupported();
  const allowed = new Set(list as string[]);
  const integer = allowed.has('integer');
  // "integer" as the validator reads it: a number with no fraction that is not NaN.
  return (value, kind) => allowed.has(kind) || (integer && kind === 'number' && (value as number) % 1 === 0);
}

function enumRule(values: unknown): (value: unknown) => boolean {
  // Objects and arrays in an enum need a deep comparison: left to the full validator.
  if (!Array.isArray(values) || !values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) throw new Unsupported();
  return (value) => {
    for (const v of values) if (v === value) return true;
    return false;
  };
}

function objectRule(s: Record<string, unknown>): ((value: Record<string, unknown>) => boolean) | undefined {
  const { required, properties, additionalProperties } = s;
  if (required === undefined && properties === undefined && additionalProperties === undefined) return undefined;
  if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === 'string'))) throw new Unsupported();
  if (properties !== undefined && (typeof properties !== 'object' || properties === null || Array.isArray(properties))) throw new Unsupported();
  if (additionalProperties !== undefined && typeof additionalProperties !== 'boolean') throw new Unsupported();
  const need = (required ?? []) as string[];
  const own = properties as Record<string, unknown> | undefined;
  const props = Object.entries(own ?? {}).map(([key, sub]) => [key, build(sub)] as const);
  const closed = additionalProperties === false;
  return (value) => {
    for (const key of need) if (!Object.hasOwn(value, key)) return false;
    for (const [key, check] of props) if (Object.hasOwn(value, key) && !check(value[key])) return false;
    if (closed) {
      // The validator walks every enumerable key, inherited ones too, and counts a key as declared
      // only when both the schema and the value have it as their own.
      for (const key in value) if (!(own && Object.hasOwn(own, key) && Object.hasOwn(value, key))) return false;
    }
    return true;
  };
}

function arrayRule(s: Record<string, unknown>): ((value: unknown[]) => boolean) | undefined {
  const { items, maxItems, minItems } = s;
  if (items === undefined && maxItems === undefined && minItems === undefined) return undefined;
  if (Array.isArray(items)) throw new Unsupported(); // tuples: not used by the workspace
  const max = limit(maxItems);
  const min = limit(minItems);
  const each = items === undefined ? undefined : build(items);
  return (value) => {
    if (max !== undefined && value.length > max) return false;
    if (min !== undefined && value.length < min) return false;
    if (each) for (let i = 0; i < value.length; i++) if (!each(value[i])) return false;
    return true;
  };
}

function stringRule(s: Record<string, unknown>): ((value: string) => boolean) | undefined {
  const { maxLength, minLength, pattern } = s;
  if (maxLength === undefined && minLength === undefined && pattern === undefined) return undefined;
  const max = limit(maxLength);
  const min = limit(minLength);
  if (pattern !== undefined && typeof pattern !== 'string') throw new Unsupported();
  // The validator compiles the pattern with the `u` flag on every call; once here (no `g`/`y`, so no state).
  const regex = pattern === undefined ? undefined : new RegExp(pattern, 'u');
  return (value) => {
    // Lengths count code points: at most the UTF-16 units and at least half of them, so most
    // strings are settled without counting.
    if (min !== undefined && value.length < min) return false;
    const settled = (max === undefined || value.length <= max) && (min === undefined || Math.ceil(value.length / 2) >= min);
    if (!settled) {
      const n = codePoints(value);
      if ((max !== undefined && n > max) || (min !== undefined && n < min)) return false;
    }
    return regex === undefined || regex.test(value);
  };
}

function numberRule(s: Record<string, unknown>): ((value: number) => boolean) | undefined {
  const { minimum, maximum, multipleOf } = s;
  if (minimum === undefined && maximum === undefined && multipleOf === undefined) return undefined;
  for (const n of [minimum, maximum, multipleOf]) if (n !== undefined && typeof n !== 'number') throw new Unsupported();
  const lo = minimum as number | undefined;
  const hi = maximum as number | undefined;
  const step = multipleOf as number | undefined;
  const places = step === undefined ? undefined : unitFractionPlaces(step);
  const multiple = step === undefined ? undefined : places === undefined ? (value: number) => isMultipleOf(value, step) : (value: number) => hasAtMostPlaces(value, places, step);
  return (value) => {
    if (lo !== undefined && value < lo) return false;
    if (hi !== undefined && value > hi) return false;
    return multiple === undefined || multiple(value);
  };
}

/** For 1, 0.1, 0.01, … (a divisor whose decimal digits are a single 1): its decimal places; else undefined. */
function unitFractionPlaces(step: number): number | undefined {
  if (!(step > 0 && step <= 1 && Number.isFinite(step))) return undefined;
  const [coefficient, exponent] = decimalInteger(step);
  return coefficient === 1n ? -exponent : undefined;
}

/**
 * The validator's multipleOf for a divisor of 10^-places, without its BigInt arithmetic: a number
 * is such a multiple when its shortest decimal form (toString, which never ends a fraction in 0)
 * has at most that many places. RxDB's last-write times (`_meta.lwt`, multipleOf 0.01) are
 * checked on every write, and most have a fraction.
 */
function hasAtMostPlaces(value: number, places: number, step: number): boolean {
  if (!Number.isFinite(value)) return false;
  const text = String(value);
  if (text.includes('e')) return isMultipleOf(value, step);
  const point = text.indexOf('.');
  return point === -1 || text.length - point - 1 <= places;
}

function limit(n: unknown): number | undefined {
  if (n === undefined) return undefined;
  if (typeof n !== 'number') throw new Unsupported();
  return n;
}

/** The validator's string length: code points, a lone surrogate counting as one. */
export function codePoints(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    count++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return count;
}

// The validator's decimal multipleOf (@cfworker/json-schema 4.1.6, MIT), so 0.3 is a multiple of 0.1 here too.
function decimalInteger(value: number): [bigint, number] {
  const [coefficient = '0', exponent = '0'] = Math.abs(value).toString().split('e');
  const point = coefficient.indexOf('.');
  const fractionLength = point === -1 ? 0 : coefficient.length - point - 1;
  return [BigInt(coefficient.replace('.', '')), Number(exponent) - fractionLength];
}

function isMultipleOf(value: number, divisor: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(divisor) || divisor <= 0) return false;
  const [vc, ve] = decimalInteger(value);
  const [dc, de] = decimalInteger(divisor);
  const diff = ve - de;
  return diff >= 0 ? (vc * 10n ** BigInt(diff)) % dc === 0n : vc % (dc * 10n ** BigInt(-diff)) === 0n;
}
