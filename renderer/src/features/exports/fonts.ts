import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import type { PdfFonts } from '../../../../common/export/fonts';

let loading: Promise<PdfFonts> | null = null;

/**
 * The Unicode fonts every PDF export embeds, fetched once per worker or window and kept: they are
 * ~1.4 MB together and served by the app itself (the CSP allows same-origin fetches).
 */
export function loadPdfFonts(): Promise<PdfFonts> {
  loading ??= Promise.all([regularUrl, boldUrl].map(async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`The PDF font could not be loaded (${res.status}).`);
    return new Uint8Array(await res.arrayBuffer());
  })).then(([regular, bold]) => ({ regular: regular ?? new Uint8Array(), ...(bold ? { bold } : {}) }))
    .catch((e: unknown) => {
      loading = null; // let the next export try again
      throw e;
    });
  return loading;
}
