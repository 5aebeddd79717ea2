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

/**
 * The encoding of a file from its first bytes, as {@link decodeText} decides it, and the length of
 * its byte-order mark. `utf-8` without a mark is only a candidate: a later byte that is not UTF-8
 * makes the whole file Windows-1252 (the streaming reader then starts over in that encoding).
 */
export function detectEncoding(head: Uint8Array): { encoding: DecodedText['encoding']; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const zeros = utf16Zeros(head);
  if (zeros) return { encoding: zeros, bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1252', bom: 0 };
  }
}

/** Without a BOM, UTF-16 text of mostly Latin characters has a zero in every other byte. */
function utf16Zeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (pairs > 0 && oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (pairs > 0 && evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Detects the encoding (BOM first, then zero-byte patterns of UTF-16) and decodes. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)) ?? '', encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const zeros = utf16Zeros(bytes);
  if (zeros) return { text: new TextDecoder(zeros).decode(bytes), encoding: zeros };
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
