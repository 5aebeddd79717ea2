import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportText } from '../../../../common/i18n/exportText';
import { largeJourneyMap } from '../../../../common/export/sampleJourney';
import { samplePersona } from '../../../../common/export/samplePersona';
import { runExportJob, type ExportJob } from './jobs';

// The export worker builds every job in the app's language: the ExportText reaches each builder.
const fonts = async () => ({
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
});
const dir = mkdtempSync(join(tmpdir(), 'cx-jobs-'));
async function text(job: ExportJob, name: string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await runExportJob(job, fonts, exportText('de')));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}
const journey = { name: 'Onboarding', description: '', map: largeJourneyMap(3, 3) };

describe('export jobs in German', () => {
  test('persona PDF, poster and tiled poster carry German labels', async () => {
    expect(await text({ kind: 'personaPdf', pages: [{ persona: samplePersona() }, { persona: samplePersona('Omar', 'p2') }], options: { paper: 'a4' }, images: [] }, 'p.pdf'))
      .toMatch(/Persona-Set.*Seite 1 von 3.*Geschlecht/);
    expect(await text({ kind: 'journeyPdf', journey, options: { paper: 'a3' } }, 'j.pdf')).toContain('(Ist) · alle Kunden');
    expect(await text({ kind: 'journeyTiles', journey, options: { poster: 'a1', sheet: 'a4' } }, 't.pdf')).toMatch(/Reihe 1 von \d+, Spalte 1 von \d+/);
  });
});
