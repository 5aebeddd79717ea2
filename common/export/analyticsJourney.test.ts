import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportText } from '../i18n/exportText';
import { eventLogFromPlain } from '../journeyAnalytics/eventLog';
import { analyseJourney } from '../journeyAnalytics/kernels';
import { referenceAnalyse } from '../journeyAnalytics/reference';
import { moveRows, skipsAndLoops } from '../journeyAnalytics/report';
import { journeySheetOps } from './analyticsJourneySheets';
import { personaReport } from '../journeyAnalytics/personaReport';
import { buildAnalyticsPdf } from './analyticsPdf';
import { prepareAnalytics } from './analyticsReport';
import { sampleExportInput, samplePersonas, smallFixtureTable } from './analyticsSample';
import { buildAnalyticsXlsx } from './analyticsXlsx';
import { journeySection, type JourneyExportSource } from './journeySection';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const hour = 3_600_000;
const stages = [
  { id: 'visit', name: 'Visit', events: [{ match: 'equals' as const, values: ['visit'] }] },
  { id: 'signup', name: 'Sign up', events: [{ match: 'equals' as const, values: ['signup'] }] },
  { id: 'pay', name: 'Pay', events: [{ match: 'equals' as const, values: ['pay'] }] },
];
// r1–r6 answered the survey; x1 did not. Reach 7 / 5 / 3; r1, r2 and x1 pay (2 h, 4 h, 6 h after the visit).
const ev = (customer: string, event: string, h: number) => ({ customer, event, time: Date.UTC(2026, 10, 1) + h * hour });
const log = () => eventLogFromPlain([
  ev('r1', 'visit', 0), ev('r1', 'signup', 1), ev('r1', 'pay', 2), ev('r2', 'visit', 0), ev('r2', 'signup', 2), ev('r2', 'pay', 4),
  ev('r3', 'visit', 0), ev('r3', 'signup', 1), ev('r4', 'visit', 0), ev('r5', 'visit', 0), ev('r6', 'visit', 0), ev('r6', 'newsletter', 1),
  ev('x1', 'visit', 0), ev('x1', 'signup', 3), ev('x1', 'pay', 6),
]);
const source: JourneyExportSource = {
  name: 'Trial to paid', stages, eventDatasetId: 'ev', logName: 'Product events',
  survey: { datasetId: 'ds-small', name: 'Small survey', idColumn: 'respondentId', stageQuestions: [null, 'nps', null], stageTexts: ['Visit', 'Sign up', 'Pay'] },
};

describe('the journey section of the analytics exports', () => {
  const section = journeySection(source, log(), smallFixtureTable(), samplePersonas());

  test('holds the funnel, stages, paths, sentiment and the same persona table as the map', () => {
    expect(section.stages.map((s) => s.reach)).toEqual([7, 4, 3]);
    expect(section.completed).toBe(3);
    expect(section.medianTimeToComplete).toBe(4 * hour);
    expect(section.stages[1]!.sentiment).toMatchObject({ question: 'nps', n: 6, scaleTop: 10 });
    expect(section.paths[0]).toMatchObject({ path: 'Visit', customers: 3 });
    const direct = personaReport(log(), smallFixtureTable(), {
      stages, idColumn: 'respondentId', personas: samplePersonas(), canvas: samplePersonas().map(() => []), stageTexts: ['', '', ''], stageQuestions: [null, null, null],
    });
    expect(direct.ok).toBe(true);
    if (!direct.ok) return;
    expect(section.personas!.joined).toBe(6);
    expect(section.personas!.logOnly).toBe(1);
    expect(section.personas!.rows.map((r) => [r.name, r.customers, r.completed])).toEqual(
      direct.data.table.rows.filter((r) => r.customers > 0).map((r) => [r.name, r.customers, r.completed]));
    expect(section.personas!.rows.length).toBeGreaterThan(0);
  });

  test('prints in the analytics PDF and fills the journey sheets of the workbook', async () => {
    const prepared = prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }] }));
    prepared.report.journeys = [section];
    const dir = mkdtempSync(join(tmpdir(), 'cx-jpdf-'));
    writeFileSync(join(dir, 'a.pdf'), buildAnalyticsPdf(prepared.report, { fonts }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'a.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const want of ['Journey: Trial to paid', 'Event log: Product events · survey joined: Small survey', 'Funnel (share of starters', 'Sign up 4 57.1%',
      'Top paths', 'Visit → Sign up → Pay', 'Personas on this journey', '6 respondents joined to customers by id', 'Sentiment']) {
      expect(text).toContain(want);
    }
    const wb = new ExcelJS.Workbook();
    const bytes = await buildAnalyticsXlsx(prepared);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const stagesSheet = wb.getWorksheet('Journey stages')!;
    expect(stagesSheet.getRow(3).values).toEqual([undefined, 'Trial to paid', 'Product events', 'Sign up', 4, (4 / 7) * 100, 1, 25, 0, 0, 2, 'nps', 7.5, 50, 6]);
    expect(wb.getWorksheet('Journey paths')!.getRow(2).getCell(2).value).toBe('Visit');
    expect(wb.getWorksheet('Journey personas')!.rowCount).toBe(1 + section.personas!.rows.length);
  });

  test('a rule that can never match and a journey without its survey are explained in German (issue 18)', () => {
    const de = exportText('de');
    const input = sampleExportInput({ title: 'Bericht', datasets: [{ id: 'ds-small', name: 'Small survey' }] });
    input.personas[0]!.rules.push({ id: 'gone', kind: 'oneOf', column: 'plan', values: ['pro'] }, { id: 'words', kind: 'range', column: 'location', min: 1 });
    const prepared = prepareAnalytics(smallFixtureTable(), input, de);
    expect(prepared.report.personas[0]!.rules.filter((r) => r.problem).map((r) => r.problem)).toEqual([
      'Die Spalte „plan“ ist nicht in den Daten.', 'Die Spalte „location“ enthält Einfachauswahlen, keine Zahlen.',
    ]);
    const noSurvey = journeySection(source, log(), null, samplePersonas());
    const noColumn = journeySection({ ...source, survey: { ...source.survey!, idColumn: 'customer' } }, log(), smallFixtureTable(), samplePersonas());
    expect(noSurvey.personaProblem).toEqual({ code: 'surveyMissing', survey: 'Small survey' });
    expect(noColumn.personaProblem).toEqual({ code: 'noIdColumn', column: 'customer' });
    prepared.report.journeys = [noSurvey, { ...noColumn, name: 'Second' }];
    const dir = mkdtempSync(join(tmpdir(), 'cx-jpdf-de-'));
    writeFileSync(join(dir, 'de.pdf'), buildAnalyticsPdf(prepared.report, { fonts, text: de }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'de.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const want of ['Die Umfrage „Small survey“ ist nicht unter den exportierten Datensätzen.', 'Die Umfrage hat keine Spalte „customer“ mehr; wählen Sie ihre ID-Spalte erneut.',
      'Die Spalte „plan“ ist nicht in den Daten.']) {
      expect(text, want).toContain(want);
    }
    expect(text).not.toMatch(/is not in the data|not among the exported|no column/);
  });

  test('in German, the journey page and sheets carry no English label (issue 18)', async () => {
    const de = exportText('de');
    const prepared = prepareAnalytics(smallFixtureTable(), sampleExportInput({ title: 'Bericht', datasets: [{ id: 'ds-small', name: 'Small survey' }] }), de);
    prepared.report.journeys = [section];
    const dir = mkdtempSync(join(tmpdir(), 'cx-jpdf-de-'));
    writeFileSync(join(dir, 'de.pdf'), buildAnalyticsPdf(prepared.report, { fonts, text: de }));
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'de.pdf'), '-']).toString('utf8').split('\f');
    const journeyPage = pages.find((p) => p.includes('Journey: Trial to paid'))!.replace(/\s+/g, ' ');
    for (const want of ['Ereignisprotokoll: Product events · verknüpfte Umfrage: Small survey', 'Sign up 57,1 % (4)', 'Häufigste Pfade', 'schließt ab',
      'Personas auf dieser Journey', '6 Befragte per ID mit Kunden verknüpft', '7,5 · 50,0 % Top-2 (n 6)', 'Seite 4 von 4']) {
      expect(journeyPage, want).toContain(want);
    }
    // Data on this page: the journey, stage, log, survey and persona names ("Funnel" is German CX usage too).
    const data = /Trial to paid|Product events|Small survey|Visit|Sign up|Pay|Maya Chen|Omar Haddad|Bericht/g;
    expect(journeyPage.replace(data, '')).not.toMatch(/\b(Customers|Started|Completed|Stage|Reached|previous|Path|Note|completes|respondents?|median|Personas on|Event log|Page)\b/);
    expect(journeyPage).not.toMatch(/…|\.\.\./);
    const wb = new ExcelJS.Workbook();
    const bytes = await buildAnalyticsXlsx(prepared, { text: de });
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(6)).toEqual(['Journey-Phasen', 'Journey-Pfade', 'Journey-Wechsel', 'Journey-Personas']);
    expect(wb.getWorksheet('Journey-Pfade')!.getRow(1).values).toEqual([undefined, 'Journey', 'Pfad', 'Kunden', 'Schleifen', 'Überspringt eine Phase', 'Schließt ab']);
    expect(wb.getWorksheet('Journey-Pfade')!.getRow(2).getCell(4).value).toBe('nein');
  });

  test('no journeys, no journey sheets', async () => {
    const prepared = prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }] }));
    const wb = new ExcelJS.Workbook();
    const bytes = await buildAnalyticsXlsx(prepared);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet('Journey stages')).toBeUndefined();
  });
});

describe('stage-to-stage moves in the analytics exports', () => {
  // a skips Sign up; b goes back from Sign up to Visit twice; d skips Sign up, then goes back to it from Pay.
  const events = [
    ev('a', 'visit', 0), ev('a', 'pay', 1),
    ev('b', 'visit', 0), ev('b', 'signup', 1), ev('b', 'visit', 2), ev('b', 'signup', 3), ev('b', 'visit', 4),
    ev('c', 'visit', 0), ev('c', 'signup', 1), ev('c', 'pay', 2),
    ev('d', 'visit', 0), ev('d', 'pay', 1), ev('d', 'signup', 2),
  ];
  const loops: JourneyExportSource = { name: 'Loops', stages, eventDatasetId: 'ev2', logName: 'Loop events' };
  const section = journeySection(loops, eventLogFromPlain(events), null, []);
  const kernel = analyseJourney(eventLogFromPlain(events), stages);

  test('the section holds every move the kernel counts, and the plain reference agrees', () => {
    expect(section.moves).toEqual(moveRows(kernel));
    expect(kernel.transitions).toEqual(referenceAnalyse(events, stages).transitions);
    expect(section.moves).toEqual([
      { from: 'Visit', to: 'Sign up', kind: 'next', customers: 2, moves: 3 },
      { from: 'Visit', to: 'Pay', kind: 'skip', customers: 2, moves: 2 },
      { from: 'Sign up', to: 'Visit', kind: 'back', customers: 1, moves: 2 },
      { from: 'Sign up', to: 'Pay', kind: 'next', customers: 1, moves: 1 },
      { from: 'Pay', to: 'Sign up', kind: 'back', customers: 1, moves: 1 },
    ]);
  });

  test('the PDF lists the skips and loops with the kernel\'s counts; the workbook has every move', async () => {
    const prepared = prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }] }));
    prepared.report.journeys = [section];
    const dir = mkdtempSync(join(tmpdir(), 'cx-jmoves-'));
    writeFileSync(join(dir, 'a.pdf'), buildAnalyticsPdf(prepared.report, { fonts }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'a.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Skips and loops From stage To stage Customers Moves Move');
    const words = { skip: 'skips ahead', back: 'goes back', next: '' };
    const listed = skipsAndLoops(moveRows(kernel)).map((m) => `${m.from} ${m.to} ${m.customers} ${m.moves} ${words[m.kind]}`);
    expect(listed).toEqual(['Visit Pay 2 2 skips ahead', 'Sign up Visit 1 2 goes back', 'Pay Sign up 1 1 goes back']);
    expect(text).toContain(listed.join(' '));
    // Moves on to the next stage are the funnel's: not in the PDF's list.
    expect(text).not.toContain('Visit Sign up 2 3');

    const wb = new ExcelJS.Workbook();
    const bytes = await buildAnalyticsXlsx(prepared);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = wb.getWorksheet('Journey moves')!;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    const kinds = { next: 'on to the next stage', skip: 'skips ahead', back: 'goes back' };
    expect(rows).toEqual(kernel.transitions.map((m) => {
      const r = moveRows(kernel).find((x) => x.from === stages[m.from]!.name && x.to === stages[m.to]!.name)!;
      return ['Loops', stages[m.from]!.name, stages[m.to]!.name, kinds[r.kind], m.customers, m.moves];
    }));
  });

  test('a journey where nobody skipped or went back says so in the PDF', () => {
    const straight = journeySection(loops, eventLogFromPlain([ev('a', 'visit', 0), ev('a', 'signup', 1)]), null, []);
    const prepared = prepareAnalytics(smallFixtureTable(), sampleExportInput({ datasets: [{ id: 'ds-small', name: 'Small survey' }] }));
    prepared.report.journeys = [straight];
    const dir = mkdtempSync(join(tmpdir(), 'cx-jmoves-'));
    writeFileSync(join(dir, 'b.pdf'), buildAnalyticsPdf(prepared.report, { fonts }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'b.pdf'), '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Skips and loops No customer skipped a stage or went back.');
  });

  test('the moves sheet speaks the export\'s language', () => {
    const ops = [...journeySheetOps([section], exportText('fr'))];
    const at = ops.findIndex((o) => o.op === 'table' && o.name === 'Mouvements du parcours');
    expect(at).toBeGreaterThan(0);
    const table = ops[at]!, rows = ops[at + 1]!;
    expect(table.op === 'table' && table.columns.map((c) => c.header)).toEqual(['Parcours', 'Depuis l’étape', 'Vers l’étape', 'Mouvement', 'Clients', 'Mouvements']);
    expect(rows.op === 'rows' && rows.rows.map((r) => r[3])).toEqual(['vers l’étape suivante', 'saute des étapes', 'revient en arrière', 'vers l’étape suivante', 'revient en arrière']);
  });
});
