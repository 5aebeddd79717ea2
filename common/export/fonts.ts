import type { jsPDF } from 'jspdf';
import { fontCoverage, type Coverage } from './fontCoverage';

/**
 * The TrueType fonts a PDF export embeds. jsPDF's built-in fonts are Latin-1 only, so every export
 * embeds a Unicode font (DejaVu Sans in the app: Latin, Greek, Cyrillic, Hebrew, Arabic…) and jsPDF
 * writes only the glyphs used (a subset). Scripts DejaVu lacks come from fallback fonts, which the app
 * loads only when the text needs them. The bytes are passed in rather than imported because common/
 * cannot read files: the renderer fetches them, tests read them from node_modules.
 */
export interface PdfFonts {
  /** Regular weight, used for body text. */
  regular: Uint8Array;
  /** Bold weight for titles; regular is used when absent. */
  bold?: Uint8Array;
  /** Fonts for characters the main font has no glyph for, tried in order. */
  fallbacks?: FallbackFont[];
}

/** A font for scripts the main font lacks (one weight: bold text in it prints regular). */
export interface FallbackFont {
  /** One of {@link fallbackScripts}' names; also names the font in the PDF. */
  name: string;
  regular: Uint8Array;
}

/** The family name the builders select; one name so every drawing helper agrees. */
export const pdfFontFamily = 'CxSans';

/**
 * Scripts the app ships a fallback font for, with the characters that make an export load it (a
 * cheap test before fetching megabytes; which glyphs the font really has is read from its cmap).
 */
export const fallbackScripts = [
  // Noto Sans JP: kana and the Han characters of Japanese, most of those of Chinese; no Hangul.
  { name: 'cjk', label: 'Japanese and Chinese', chars: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u },
  { name: 'devanagari', label: 'Devanagari', chars: /\p{Script=Devanagari}/u },
  { name: 'thai', label: 'Thai', chars: /\p{Script=Thai}/u },
] as const;

/** Name of a script with a fallback font. */
export type FallbackName = (typeof fallbackScripts)[number]['name'];

/** The fallback fonts some text needs, by the characters it contains. */
export function fallbacksFor(text: string): FallbackName[] {
  return fallbackScripts.filter((s) => s.chars.test(text)).map((s) => s.name);
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const codes = Uint8Array.from(alphabet, (c) => c.charCodeAt(0));

/**
 * Base64 of bytes without Buffer (absent in browsers) and without `btoa` on one giant string: Node's
 * `btoa` needs ~4 s for the 5.5 MB CJK font, this table encoder a few tens of milliseconds.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  for (let i = 0; i < n; i += 3) {
    const b0 = bytes[i]!;
    const b1 = i + 1 < n ? bytes[i + 1]! : 0;
    const b2 = i + 2 < n ? bytes[i + 2]! : 0;
    out[o++] = codes[b0 >> 2]!;
    out[o++] = codes[((b0 & 3) << 4) | (b1 >> 4)]!;
    out[o++] = i + 1 < n ? codes[((b1 & 15) << 2) | (b2 >> 6)]! : 61; // '='
    out[o++] = i + 2 < n ? codes[b2 & 63]! : 61;
  }
  // The characters are ASCII, so decoding them as UTF-8 is a copy (native, unlike building the string
  // from char codes in JavaScript).
  return new TextDecoder().decode(out);
}

// Font bytes are the same object for every export a worker builds, and encoding 1.4 MB costs
// hundreds of milliseconds, so the base64 and the cmap are kept per byte array (and dropped with it).
const fontBase64 = new WeakMap<Uint8Array, string>();
function fontText(bytes: Uint8Array): string {
  let text = fontBase64.get(bytes);
  if (text === undefined) fontBase64.set(bytes, (text = bytesToBase64(bytes)));
  return text;
}
const coverages = new WeakMap<Uint8Array, Coverage>();
function coverageOf(bytes: Uint8Array): Coverage {
  let c = coverages.get(bytes);
  if (c === undefined) {
    try {
      c = fontCoverage(bytes);
    } catch {
      c = () => false; // an unreadable font draws nothing we can vouch for
    }
    coverages.set(bytes, c);
  }
  return c;
}

/** Bytes of base64 text (assets are stored as base64). */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A font a document can draw with: its jsPDF family and the characters it has. */
interface DocFont { family: string; covers: Coverage; bytes: Uint8Array; added: boolean }

/** The fonts of one document and the characters none of them could draw. */
interface DocFonts { fonts: DocFont[]; missing: Set<string> }

const registry = new WeakMap<jsPDF, DocFonts>();

/**
 * Registers the fonts on a document with Identity-H encoding (needed for any glyph beyond Latin-1)
 * and selects the regular face. Fallback fonts are added to the document only when a character first
 * needs one, so a PDF without such characters neither parses nor embeds them.
 */
export function registerFonts(doc: jsPDF, fonts: PdfFonts): void {
  doc.addFileToVFS('cx-regular.ttf', fontText(fonts.regular));
  doc.addFont('cx-regular.ttf', pdfFontFamily, 'normal', undefined, 'Identity-H');
  doc.addFileToVFS('cx-bold.ttf', fontText(fonts.bold ?? fonts.regular));
  doc.addFont('cx-bold.ttf', pdfFontFamily, 'bold', undefined, 'Identity-H');
  doc.setFont(pdfFontFamily, 'normal');
  const main = { family: pdfFontFamily, covers: coverageOf(fonts.regular), bytes: fonts.regular, added: true };
  const fallbacks = (fonts.fallbacks ?? []).map((f) => ({ family: `CxFallback-${f.name}`, covers: coverageOf(f.regular), bytes: f.regular, added: false }));
  registry.set(doc, { fonts: [main, ...fallbacks], missing: new Set() });
}

/**
 * The family that draws a character: the main font when it has the glyph, else the first fallback
 * that has it (added to the document on first use), else `null`: no font can draw it.
 */
export function familyFor(doc: jsPDF, codePoint: number): string | null {
  const reg = registry.get(doc);
  if (!reg) return pdfFontFamily;
  const font = reg.fonts.find((f) => f.covers(codePoint));
  if (!font) return null;
  if (!font.added) {
    const file = `${font.family}.ttf`;
    doc.addFileToVFS(file, fontText(font.bytes));
    // One weight only: a bold face would embed the same glyphs a second time.
    doc.addFont(file, font.family, 'normal', undefined, 'Identity-H');
    font.added = true;
  }
  return font.family;
}

/** Notes a character no font of the document could draw. */
export function noteMissing(doc: jsPDF, char: string): void {
  registry.get(doc)?.missing.add(char);
}

/**
 * Characters that could not be printed because no embedded font has them (e.g. Hangul, which the
 * bundled fonts lack), from every text drawn or measured so far. A checker can build the PDF once
 * and read this before offering the file to the user.
 */
export function missingCharacters(doc: jsPDF): string[] {
  return [...(registry.get(doc)?.missing ?? [])];
}

/**
 * Characters of `text` that no font in `fonts` has a glyph for; shown to the user before saving, so
 * nothing prints blank silently. Spaces, controls and combining marks are not counted.
 */
export function uncoveredCharacters(text: string, fonts: PdfFonts): string[] {
  const covers = [fonts.regular, ...(fonts.fallbacks ?? []).map((f) => f.regular)].map(coverageOf);
  const out = new Set<string>();
  for (const ch of text) {
    if (/[\s\p{C}\p{M}]/u.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    if (!covers.some((c) => c(cp))) out.add(ch);
  }
  return [...out];
}
