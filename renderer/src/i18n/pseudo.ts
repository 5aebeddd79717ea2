import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * The pseudo-locale's catalogue, made from English at run time: every letter accented, each
 * message bracketed and about 40 % longer (German and Finnish run that much longer than English),
 * arguments and plural/select structure untouched. Text that stays plain ASCII on screen was never
 * translated; text that loses its closing bracket is clipped.
 */

const accents: Record<string, string> = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
// Word-like padding, so lengthened text wraps the way real words do.
const filler = 'ļöŕéɱ îþšûɱ ðöļöŕ šîţ åɱéţ çöñšéçţéţûŕ åðîþîšçîñĝ éļîţ šéð ðö éîûšɱöð ţéɱþöŕ ';

/** Accents the letters of a text. */
export function accent(text: string): string {
  let out = '';
  for (const ch of text) out += accents[ch] ?? ch;
  return out;
}

function literalLength(elements: MessageFormatElement[]): number {
  let n = 0;
  for (const el of elements) {
    if (el.type === TYPE.literal) n += el.value.length;
    else if (el.type === TYPE.tag) n += literalLength(el.children);
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      // The longest branch is the one that must fit.
      n += Math.max(0, ...Object.values(el.options).map((o) => literalLength(o.value)));
    }
  }
  return n;
}

function accentTree(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.tag) return { ...el, children: accentTree(el.children) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: accentTree(o.value) }]));
      return { ...el, options };
    }
    return el;
  });
}

/** One English message in the pseudo-locale, as a parsed message (react-intl takes these as is). */
export function pseudoMessage(english: string): MessageFormatElement[] {
  const tree = parse(english);
  const length = literalLength(tree);
  if (length === 0) return tree;
  const extra = Math.max(1, Math.ceil(length * 0.4) - 2);
  let pad = '';
  while (pad.length < extra) pad += filler;
  pad = pad.slice(0, extra).trimEnd();
  return [
    { type: TYPE.literal, value: '[' },
    ...accentTree(tree),
    { type: TYPE.literal, value: `${pad ? ` ${pad}` : ''}]` },
  ];
}

/** The whole pseudo-locale catalogue from the English one. */
export function pseudoCatalogue(english: Readonly<Record<string, string>>): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(Object.entries(english).map(([id, text]) => [id, pseudoMessage(text)]));
}
