import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { samplePersona } from '../common/export/samplePersona';
import type { ExportJob } from '../renderer/src/features/exports/jobs';

const dir = mkdtempSync(join(tmpdir(), 'cx-photos-'));
const font = (name: string) => readFileSync(`node_modules/dejavu-fonts-ttf/ttf/${name}`).toString('base64');

/**
 * A 900 × 900 photo-like image (gradients under fine noise, which compresses about as badly as a
 * real portrait) made by the page's canvas, as base64.
 */
async function photo(page: Page, type: 'image/jpeg' | 'image/webp'): Promise<string> {
  return page.evaluate(async (type) => {
    const side = 900;
    const canvas = new OffscreenCanvas(side, side);
    const ctx = canvas.getContext('2d')!;
    const g = ctx.createRadialGradient(side * 0.4, side * 0.35, 40, side / 2, side / 2, side * 0.7);
    g.addColorStop(0, '#f1c7a5');
    g.addColorStop(1, '#1f2a3a');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, side, side);
    const img = ctx.getImageData(0, 0, side, side);
    let seed = 7;
    for (let i = 0; i < img.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      for (let c = 0; c < 3; c++) img.data[i + c] = Math.max(0, Math.min(255, img.data[i + c]! + (seed % 120) - 60));
    }
    ctx.putImageData(img, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type, quality: 0.95 })).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, type);
}

/** Runs the app's export job code in a worker of the page (classic: a blank page refuses blob module workers). */
async function runJob(page: Page, code: string, job: ExportJob): Promise<Buffer> {
  const b64 = await page.evaluate(async ({ code, job, regular, bold }) => {
    const decode = (b: string) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
    const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
    const reply = await new Promise<{ ok: boolean; bytes?: Uint8Array; message?: string }>((resolve) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => resolve({ ok: false, message: e.message });
      worker.postMessage({ job, regular: decode(regular), bold: decode(bold) });
    });
    worker.terminate();
    if (!reply.ok || !reply.bytes) throw new Error(reply.message ?? 'no bytes');
    let s = '';
    for (let i = 0; i < reply.bytes.length; i += 0x8000) s += String.fromCharCode(...reply.bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, { code, job, regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') });
  return Buffer.from(b64, 'base64');
}

/** Width and height of each image the PDF embeds, as pdfimages lists them. */
function embedded(bytes: Buffer, name: string): { w: number; h: number }[] {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdfimages', ['-list', file]).toString().trim().split('\n').slice(2)
    .map((l) => l.trim().split(/\s+/)).map((c) => ({ w: Number(c[3]), h: Number(c[4]) }));
}

test('persona photos print re-encoded at about twice their printed size, WebP included', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setContent('<!doctype html><title>photos</title>');
  const out = await build({ entryPoints: ['e2e/exportWorkerEntry.ts'], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]?.text ?? '';
  const persona = samplePersona();
  for (const type of ['image/jpeg', 'image/webp'] as const) {
    const data = await photo(page, type);
    const job: ExportJob = { kind: 'personaPdf', pages: [{ persona }], options: { paper: 'a4' }, images: [['photo-1', { mimeType: type, data, width: 900, height: 900 }]] };
    const pdf = await runJob(page, code, job);
    const images = embedded(pdf, `${type.slice(6)}.pdf`);
    // One image per page the photo's header is on (the sample persona runs onto a second page).
    expect(images.length, type).toBeGreaterThanOrEqual(1);
    for (const img of images) expect(Math.max(img.w, img.h), type).toBeLessThanOrEqual(320);
    expect(pdf.byteLength, type).toBeLessThan(Math.min(500_000, (data.length * 3) / 4 / 3));
  }
});
