/**
 * Exports, built by the same pure builders the export worker runs, here in Node: persona PDF (first
 * build in a fresh worker parses and subsets the font, later ones reuse nothing but the JIT), a
 * 10-persona deck, a 30 × 15 journey poster on A0, and the persona workbook. Time, file size and peak
 * memory. The app runs these in a Chromium worker; this measures the builders, not the save dialog.
 */
import { readFileSync } from 'node:fs';
import { buildJourneyPdf } from '../common/export/journeyPdf';
import { buildPersonaPdf } from '../common/export/personaPdf';
import { buildPersonaXlsx } from '../common/export/personaXlsx';
import { largeJourneyMap } from '../common/export/sampleJourney';
import { samplePersona, samplePhoto } from '../common/export/samplePersona';
import { photoFromChromium, timeInChromium } from './exportsBrowser';
import { peakRssMb, timeMs, type BenchRow } from './report';

export default async function (report: (row: BenchRow) => void): Promise<void> {
  const fonts = {
    regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
  const images = new Map([['photo-1', samplePhoto]]);
  const one = [{ persona: samplePersona() }];
  const first = await timeMs(() => buildPersonaPdf(one, { paper: 'a4', fonts, images }));
  report({ name: 'persona PDF, A4, first in process', value: first.ms, unit: 'ms', against: { value: 1000, label: 'aim' } });
  const warm: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    // CPU time beside wall time: on a shared, loaded machine the wall clock mostly measures the neighbours.
    const c0 = process.cpuUsage();
    const r = await timeMs(() => buildPersonaPdf(one, { paper: 'a4', fonts, images }));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    warm.push(r.ms);
    size = r.result.byteLength;
  }
  warm.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  report({ name: 'persona PDF, A4, median of 5 (wall)', value: warm[2] ?? 0, unit: 'ms', against: { value: 1000, label: 'aim' } });
  report({ name: 'persona PDF, A4, median of 5 (CPU)', value: cpu[2] ?? 0, unit: 'ms', against: { value: 1000, label: 'aim' } });
  report({ name: 'persona PDF size', value: size / 1024, unit: 'KB', against: { value: 500, label: 'aim' } });
  const deck = Array.from({ length: 10 }, (_, i) => ({ persona: samplePersona(`Persona ${i}`, `p${i}`) }));
  const d = await timeMs(() => buildPersonaPdf(deck, { paper: 'a4', fonts, images }));
  report({ name: 'deck of 10 personas PDF', value: d.ms, unit: 'ms' });
  report({ name: 'deck of 10 personas PDF size', value: d.result.byteLength / 1024, unit: 'KB' });
  const map = largeJourneyMap(30, 15);
  const p = await timeMs(() => buildJourneyPdf({ name: 'Bench map', description: '30 stages × 15 lanes', map }, { paper: 'a0', fonts }));
  report({ name: 'journey poster PDF, 30 × 15, A0', value: p.ms, unit: 'ms' });
  report({ name: 'journey poster PDF size', value: p.result.byteLength / 1024, unit: 'KB' });
  const x = await timeMs(() => buildPersonaXlsx({ persona: samplePersona(), snapshots: [], versions: [] }));
  report({ name: 'persona XLSX', value: x.ms, unit: 'ms' });
  report({ name: 'peak memory (process)', value: peakRssMb(), unit: 'MB' });

  // The app's path with a photo as users upload them: the worker re-encodes it for print.
  const photo = await photoFromChromium();
  report({ name: 'bench photo (900 × 900 JPEG)', value: (photo.data.length * 3) / 4 / 1024, unit: 'KB' });
  const job = { kind: 'personaPdf' as const, pages: one, options: { paper: 'a4' as const }, images: [['photo-1', photo]] as [string, typeof samplePhoto][] };
  const asUploaded = await timeMs(() => buildPersonaPdf(one, { paper: 'a4', fonts, images: new Map([['photo-1', photo]]) }));
  report({ name: 'persona PDF, photo embedded as uploaded (no re-encode, Node)', value: asUploaded.ms, unit: 'ms' });
  report({ name: 'persona PDF, photo embedded as uploaded, size', value: asUploaded.result.byteLength / 1024, unit: 'KB' });
  const poster = { kind: 'journeyPdf' as const, journey: { name: 'Bench map', description: '30 stages × 15 lanes', map }, options: { paper: 'a0' as const } };
  const [cold, warm1, warm2, posterRun] = await timeInChromium([job, job, job, poster]);
  report({ name: 'Chromium worker: persona PDF with 900 px photo, first (fonts parsed)', value: cold?.ms ?? 0, unit: 'ms', against: { value: 1000, label: 'aim' } });
  report({ name: 'Chromium worker: persona PDF with 900 px photo, warm', value: Math.min(warm1?.ms ?? 0, warm2?.ms ?? 0), unit: 'ms', against: { value: 1000, label: 'aim' } });
  report({ name: 'Chromium worker: persona PDF with 900 px photo, size', value: (cold?.bytes ?? 0) / 1024, unit: 'KB', against: { value: 500, label: 'aim' } });
  report({ name: 'Chromium worker: 30 × 15 poster PDF, A0', value: posterRun?.ms ?? 0, unit: 'ms' });
}
