/**
 * The PDF fonts under Node, from the same packages the app serves: DejaVu Sans always, and the Noto
 * fallbacks (Japanese and Chinese, Devanagari, Thai) only when the report's text needs them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fallbacksFor, type FallbackName, type PdfFonts } from '../common/export/fonts';

const require = createRequire(import.meta.url);
const files: Record<FallbackName, string> = {
  cjk: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  devanagari: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
  thai: '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf',
};
const font = (path: string) => new Uint8Array(readFileSync(require.resolve(path)));

/** The fonts a PDF whose text is `text` embeds. */
export function nodePdfFonts(text: string): PdfFonts {
  return {
    regular: font('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: font('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    fallbacks: fallbacksFor(text).map((name) => ({ name, regular: font(files[name]) })),
  };
}
