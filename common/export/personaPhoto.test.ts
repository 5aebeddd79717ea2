import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode } from 'fast-png';
import { expect, test } from 'vitest';
import { bytesToBase64 } from './fonts';
import { buildPersonaPdf } from './personaPdf';
import { samplePersona } from './samplePersona';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const dir = mkdtempSync(join(tmpdir(), 'cx-photo-'));

/** A square photo of one pure red, so its printed shape can be found by colour. */
function redPhoto(side: number) {
  const data = new Uint8Array(side * side * 3);
  for (let i = 0; i < data.length; i += 3) data[i] = 255;
  return { mimeType: 'image/png', width: side, height: side, data: bytesToBase64(encode({ width: side, height: side, data, channels: 3, depth: 8 })) };
}

test('the persona photo prints as a true circle', () => {
  const persona = { ...samplePersona(), accentColor: '#4f46e5' };
  const file = join(dir, 'photo.pdf');
  writeFileSync(file, buildPersonaPdf([{ persona }], { paper: 'a4', fonts, images: new Map([['photo-1', redPhoto(64)]]) }));
  execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
  const img = decode(readFileSync(join(dir, 'page.png')));
  const c = img.channels;
  // Each pixel row's run of red: a circle's rows are chords 2·√(r² − d²) long, centred on one column.
  const rows: { y: number; x0: number; x1: number }[] = [];
  for (let y = 0; y < img.height; y++) {
    let x0 = -1;
    let x1 = -1;
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * c;
      if (img.data[i]! > 200 && img.data[i + 1]! < 60 && img.data[i + 2]! < 60) {
        if (x0 < 0) x0 = x;
        x1 = x;
      }
    }
    if (x0 >= 0) rows.push({ y, x0, x1 });
  }
  expect(rows.length).toBeGreaterThan(100);
  const top = rows[0]!.y;
  const r = (rows.at(-1)!.y - top + 1) / 2;
  const cx = (Math.min(...rows.map((q) => q.x0)) + Math.max(...rows.map((q) => q.x1)) + 1) / 2;
  // As wide as tall: the bounding box is a square.
  expect(Math.abs(Math.max(...rows.map((q) => q.x1 - q.x0 + 1)) - 2 * r)).toBeLessThan(3);
  for (const q of rows) {
    const dy = q.y + 0.5 - (top + r);
    // Each end of the run lies on the circle: within 1.5 px of the radius (176 px at 300 dpi) from the
    // centre. jsPDF's own rounded rectangle, used before, bulged by 5 px (the printed "circle" was lopsided).
    for (const x of [q.x0, q.x1 + 1]) expect(Math.abs(Math.hypot(x - cx, dy) - r), `edge at row ${q.y}`).toBeLessThan(1.5);
  }
});
