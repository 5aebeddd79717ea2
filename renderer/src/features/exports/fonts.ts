import emojiUrl from '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf?url';
import devanagariUrl from '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf?url';
import cjkUrl from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import thaiUrl from '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { fallbacksFor, type FallbackName, type PdfFonts } from '../../../../common/export/fonts';

// Noto Sans (SIL Open Font License 1.1) for the scripts DejaVu Sans lacks. Noto Sans JP is 5.5 MB,
// so each is fetched only by an export whose text needs it.
const fallbackUrls: Record<FallbackName, string> = { cjk: cjkUrl, devanagari: devanagariUrl, thai: thaiUrl };

const cache = new Map<string, Promise<Uint8Array>>();

// Each file is fetched once per worker or window and kept; a failed fetch is forgotten so the next
// export tries again.
function fetchFont(url: string): Promise<Uint8Array> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`The PDF font could not be loaded (${res.status}).`);
      return new Uint8Array(await res.arrayBuffer());
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

/**
 * The Unicode fonts a PDF export embeds: DejaVu Sans always (~1.4 MB with bold, served by the app
 * itself; the CSP allows same-origin fetches), and the fallback fonts for the scripts in `text`.
 */
export async function loadPdfFonts(text = ''): Promise<PdfFonts> {
  const names = fallbacksFor(text);
  const [regular, bold, ...extra] = await Promise.all([regularUrl, boldUrl, ...names.map((n) => fallbackUrls[n])].map(fetchFont));
  return { regular: regular!, ...(bold ? { bold } : {}), fallbacks: names.map((name, i) => ({ name, regular: extra[i]! })) };
}

/** Pictographs a machine without an emoji font draws as boxes. */
const emojiChars = /[\u{1F000}-\u{1FAFF}\u2600-\u27BF\u2B00-\u2BFF]/u;

/**
 * Noto Emoji (monochrome, OFL 1.1, 0.9 MB) when `text` has emoji, for PNG images only: jsPDF writes
 * glyphs by 16-bit code and cannot print characters beyond U+FFFF, so the PDFs do not use it.
 */
export async function loadEmojiFont(text: string): Promise<Uint8Array | null> {
  return emojiChars.test(text) ? fetchFont(emojiUrl) : null;
}
