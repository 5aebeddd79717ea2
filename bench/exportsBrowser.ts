/**
 * The export path the app takes, measured: the export jobs bundled for the browser (jspdf's and
 * exceljs's browser builds) running in a module worker in the system Chromium. The first job in a
 * worker pays for encoding and parsing the fonts; later ones show the warm cost. The bundle is a
 * classic (iife) worker because a blank page's opaque origin refuses blob module workers; the code it
 * runs is the same as the app's module worker.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium';
import type { ExportJob } from '../renderer/src/features/exports/jobs';

/** Times each job (in order, one worker) in Chromium; returns ms and bytes per job. */
export async function timeInChromium(jobs: ExportJob[]): Promise<{ ms: number; bytes: number }[]> {
  const out = await build({ entryPoints: ['e2e/exportWorkerEntry.ts'], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]?.text ?? '';
  const font = (name: string) => readFileSync(`node_modules/dejavu-fonts-ttf/ttf/${name}`).toString('base64');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    return await page.evaluate(async ({ code, jobs, regular, bold }) => {
      // No named function values in here: tsx's keepNames would wrap them in a helper the page lacks.
      const fonts = { regular: Uint8Array.from(atob(regular), (c) => c.charCodeAt(0)), bold: Uint8Array.from(atob(bold), (c) => c.charCodeAt(0)) };
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      const results: { ms: number; bytes: number }[] = [];
      for (const job of jobs) {
        const reply = await new Promise<{ ok: boolean; bytes?: Uint8Array; ms?: number; message?: string }>((resolve) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => resolve({ ok: false, message: e.message || 'the worker did not start' });
          worker.postMessage({ job, ...fonts });
        });
        if (!reply.ok) throw new Error(reply.message ?? 'export failed');
        results.push({ ms: reply.ms ?? 0, bytes: reply.bytes?.byteLength ?? 0 });
      }
      worker.terminate();
      return results;
    }, { code, jobs, regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') });
  } finally {
    await browser.close();
  }
}

/**
 * A photo like one a user uploads: 900 × 900 JPEG of smooth gradients under fine noise (which JPEG
 * compresses about as badly as skin, hair and fabric), about 2 MB, made in Chromium's canvas.
 */
export async function photoFromChromium(): Promise<{ mimeType: string; data: string; width: number; height: number }> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>photo</title>');
    const data = await page.evaluate(async () => {
      const side = 900;
      const canvas = new OffscreenCanvas(side, side);
      const ctx = canvas.getContext('2d')!;
      const g = ctx.createRadialGradient(side * 0.4, side * 0.35, 40, side / 2, side / 2, side * 0.7);
      g.addColorStop(0, '#f1c7a5');
      g.addColorStop(0.5, '#8a5a44');
      g.addColorStop(1, '#1f2a3a');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, side, side);
      const img = ctx.getImageData(0, 0, side, side);
      let seed = 7;
      for (let i = 0; i < img.data.length; i += 4) {
        for (let c = 0; c < 3; c++) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          img.data[i + c] = Math.max(0, Math.min(255, img.data[i + c]! + (seed % 100) - 50));
        }
      }
      ctx.putImageData(img, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.98 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    });
    return { mimeType: 'image/jpeg', data, width: 900, height: 900 };
  } finally {
    await browser.close();
  }
}
