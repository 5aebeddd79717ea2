/**
 * Bytes of a CSV export to text. Survey tools export UTF-8 with or without a byte-order mark, and
 * Excel's "Unicode text" and some SurveyMonkey exports are UTF-16; a file in neither is read as
 * Windows-1252, which is what older Excel versions on Windows write.
 */

/** The text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Whether the bytes start like a ZIP archive (XLSX files are ZIP archives). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Detects the encoding (BOM first, then zero-byte patterns of UTF-16) and decodes. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)) ?? '', encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // Without a BOM, UTF-16 text of mostly Latin characters has a zero in every other byte.
  const sample = Math.min(bytes.length, 4096) & ~1;
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (pairs > 0 && oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (pairs > 0 && evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const text = utf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
