import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * Checks a translated catalogue against its English source: the same keys, every message valid
 * ICU, the same arguments with the same types, the same select choices, and plural branches that
 * exist in the target language. Used by the catalogue test over every shipped file.
 */

/** One thing wrong with a translated catalogue, said so a translator can fix it. */
export interface CatalogueProblem { key: string; problem: string }

const typeNames: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'text', [TYPE.number]: 'number', [TYPE.date]: 'date', [TYPE.time]: 'time',
  [TYPE.select]: 'select', [TYPE.plural]: 'plural', [TYPE.tag]: 'tag',
};

/** The arguments a parsed message uses, as `name:type` (and select choices as `name=choice`). */
export function messageArguments(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    const type = typeNames[el.type];
    if (type && 'value' in el && typeof el.value === 'string') into.add(`${el.value}:${type}`);
    if (el.type === TYPE.select) for (const choice of Object.keys(el.options)) into.add(`${el.value}=${choice}`);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) messageArguments(o.value, into);
    if (el.type === TYPE.tag) messageArguments(el.children, into);
  }
  return into;
}

function pluralKeys(elements: MessageFormatElement[], into: string[] = []): string[] {
  for (const el of elements) {
    if (el.type === TYPE.plural) for (const [k, o] of Object.entries(el.options)) {
      if (!k.startsWith('=')) into.push(k);
      pluralKeys(o.value, into);
    }
    if (el.type === TYPE.select) for (const o of Object.values(el.options)) pluralKeys(o.value, into);
    if (el.type === TYPE.tag) pluralKeys(el.children, into);
  }
  return into;
}

function tryParse(text: unknown): MessageFormatElement[] | string {
  if (typeof text !== 'string') return 'is not a string';
  try {
    return parse(text, { requiresOtherClause: true });
  } catch (error) {
    return `is not valid ICU (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Every problem of `translated` (a catalogue of `locale`) measured against `english`. */
export function checkCatalogue(english: Record<string, unknown>, translated: Record<string, unknown>, locale: string): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const categories = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]);
  for (const key of Object.keys(english)) {
    if (!Object.hasOwn(translated, key)) {
      problems.push({ key, problem: 'is missing' });
      continue;
    }
    const source = tryParse(english[key]);
    const target = tryParse(translated[key]);
    if (typeof source === 'string') {
      problems.push({ key, problem: `English ${source}` });
      continue;
    }
    if (typeof target === 'string') {
      problems.push({ key, problem: target });
      continue;
    }
    const want = [...messageArguments(source)].sort().join(', ');
    const got = [...messageArguments(target)].sort().join(', ');
    if (want !== got) problems.push({ key, problem: `uses arguments [${got}] where English uses [${want}]` });
    for (const k of pluralKeys(target)) {
      if (!categories.has(k)) problems.push({ key, problem: `has a plural branch "${k}" that ${locale} does not use` });
    }
    if (typeof translated[key] === 'string' && (translated[key] as string).trim() === '') problems.push({ key, problem: 'is empty' });
  }
  for (const key of Object.keys(translated)) {
    if (!Object.hasOwn(english, key)) problems.push({ key, problem: 'is not in English (a renamed or removed key)' });
  }
  return problems;
}
