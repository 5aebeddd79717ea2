import { Zlib } from 'fflate';

// CRC-32 (ISO 3309) as PNG chunks use it; the table is built once on first use.
let crcTable: Uint32Array | null = null;
function crc32(parts: Uint8Array[]): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = (crcTable[(c ^ (p[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32([out.subarray(4, 8 + data.length)]));
  return out;
}

/** A PNG being written row by row. */
export interface PngWriter {
  /** Adds the next `rgba.length / (4 × width)` rows, RGBA; alpha is dropped (the image is opaque). */
  writeRows(rgba: Uint8Array | Uint8ClampedArray): void;
  /** Ends the image; throws when fewer rows were written than the height. Returns the file's parts. */
  finish(): Uint8Array[];
}

/**
 * An 8-bit RGB PNG written a band of rows at a time through a streaming deflate, so an image larger
 * than any one canvas (or than memory would comfortably hold uncompressed) is never whole in memory:
 * only the compressed file grows. Rows use the Sub filter, which suits flat screenshots well.
 */
export function createPngWriter(width: number, height: number, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): PngWriter {
  if (!(width >= 1 && height >= 1 && width < 2 ** 31 && height < 2 ** 31)) throw new Error(`A PNG cannot be ${width} × ${height} pixels.`);
  const parts: Uint8Array[] = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])];
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, adaptive filtering, no interlace
  parts.push(chunk('IHDR', ihdr));
  const zlib = new Zlib({ level }, (data) => { if (data.length > 0) parts.push(chunk('IDAT', data)); });
  const stride = width * 3 + 1;
  let rows = 0;
  return {
    writeRows(rgba) {
      const count = rgba.length / (width * 4);
      if (!Number.isInteger(count) || rows + count > height) throw new Error('Rows do not match the image size.');
      const out = new Uint8Array(count * stride);
      // The hot loop of a 30-megapixel export: plain indexes, and Uint8Array stores wrap the Sub
      // differences modulo 256 by themselves.
      let s = 0;
      let d = 0;
      for (let r = 0; r < count; r++) {
        out[d++] = 1; // Sub: each byte minus the same channel of the pixel to its left
        let pr = 0;
        let pg = 0;
        let pb = 0;
        for (let x = 0; x < width; x++, s += 4, d += 3) {
          const cr = rgba[s]!;
          const cg = rgba[s + 1]!;
          const cb = rgba[s + 2]!;
          out[d] = cr - pr;
          out[d + 1] = cg - pg;
          out[d + 2] = cb - pb;
          pr = cr;
          pg = cg;
          pb = cb;
        }
      }
      rows += count;
      zlib.push(out, false);
    },
    finish() {
      if (rows !== height) throw new Error(`The image has ${rows} of its ${height} rows.`);
      zlib.push(new Uint8Array(0), true);
      parts.push(chunk('IEND', new Uint8Array(0)));
      return parts;
    },
  };
}
