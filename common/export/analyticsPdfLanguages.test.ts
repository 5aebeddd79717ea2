import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportText } from '../i18n/exportText';
import { buildAnalyticsPdf } from './analyticsPdf';
import { prepareAnalytics } from './analyticsReport';
import { sampleAnalyticsTable, sampleExportInput, sampleSnapshot, smallFixtureTable } from './analyticsSample';

// The analytics report in the app's language (issue 18): German and right-to-left Arabic, read back
// with pdftotext as a client's PDF reader would.
const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const dir = mkdtempSync(join(tmpdir(), 'cx-apdf-lang-'));
function write(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']).toString('utf8').normalize('NFKC');
const squash = (s: string) => s.replace(/\s+/g, ' ');
function words(file: string): { page: number; text: string; xMin: number; xMax: number; yMin: number }[] {
  const out: ReturnType<typeof words> = [];
  let page = 0;
  for (const line of execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).toString('utf8').split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    // pdftotext gives an Arabic word's glyphs in visual order: reversed, it reads as written.
    const text = m ? (/[\u0600-\u06FF\uFE70-\uFEFF]/.test(m[5]!) ? Array.from(m[5]!).reverse().join('') : m[5]!).normalize('NFKC') : '';
    if (m) out.push({ page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[4 - 1]!, text });
  }
  return out;
}

/** The sample report with an evolution chart, a target and a date range, in `locale`. */
function report(locale: string, rows?: number) {
  const text = exportText(locale);
  const input = sampleExportInput({ title: text.t('report.analytics.title'), range: { from: '2025-03-01', to: null } });
  input.personas[0]!.snapshots = ['2025-03-01', '2025-03-02', '2025-03-03'].map((d, i) => sampleSnapshot('p-maya', d, 10 + i, 20));
  const table = rows ? sampleAnalyticsTable(rows) : smallFixtureTable();
  return prepareAnalytics(table, rows ? input : { ...input, datasets: [{ id: 'ds-small', name: 'Small survey' }] }, text).report;
}

// English words of the report's labels that are no German (or Arabic) word; data (persona names,
// rule columns and values, the rule labelled "promoter") is left out of the text before checking.
const english = /\b(responses?|Responses?|Coverage|Overlap|Distribution|matches|Matches|Rules?|Strong|Moderate|Weak|Page|All|Datasets|Date|Generated|detractors?|target|mean|Average|Scored|Best|Respondent|Match|of|is one|contains|continued|Loyalty|Trust|effort|compared|first|last|imported)\b/;
const data = /Maya Chen|Omar Haddad|Small survey|Sample survey|save time|promoter|London|Leeds|Paris|Lyon|location|goals|age|CX Studio|UTC/g;

describe('analytics PDF in German', () => {
  const small = pdfText(write(buildAnalyticsPdf(report('de'), { fonts, text: exportText('de') }), 'de.pdf'));
  const big = pdfText(write(buildAnalyticsPdf(report('de', 5000), { fonts, text: exportText('de') }), 'de-big.pdf'));

  test('prints German headings, KPI labels, counts, percentages and dates', () => {
    const text = squash(small);
    for (const want of ['Persona-Analyse', 'Datensätze: Small survey', 'Zeitraum: 01.03.2025 – letzte Antwort (UTC)', 'Erstellt am', 'Personas im Vergleich',
      'Von einer Persona', 'Von keiner Persona', 'Verteilung der Übereinstimmung', 'Überschneidung', 'Beste Übereinstimmungen', 'Seite 1 von 4',
      'location ist eines von: London, Leeds', 'goals enthält eines von: save time', 'Kennzahlen der passenden Antworten', 'Ziel 85 %', 'Ziel 2,5',
      'Verlauf: mittlere Übereinstimmung', '01.03.2025', '03.03.2025', 'stark']) {
      expect(text, want).toContain(want);
    }
    // Maya: average 66.7 %, coverage 66.7 %, NPS +75, as the English test, in German figures.
    expect(text).toMatch(/Maya Chen 6 66,7 % 66,7 % 2 4 \+75/);
  });

  test('leaves no English label and cuts no label', () => {
    for (const [name, text] of [['small', small], ['5,000 responses', big]] as const) {
      const left = squash(text).replace(data, '');
      expect(left, name).not.toMatch(english);
      expect(text, `${name}: a label ends in an ellipsis`).not.toMatch(/…|\.\.\./);
    }
    // Counts have German grouping; the long NPS hint wraps rather than being cut.
    expect(squash(big)).toMatch(/\d\.\d{3} \/ \d{3} \/ \d\.\d{3}/);
    expect(squash(big)).toMatch(/\d+ Detraktoren/);
  });
});

describe('analytics PDF in Arabic', () => {
  const file = write(buildAnalyticsPdf(report('ar'), { fonts, text: exportText('ar') }), 'ar.pdf');
  const ws = words(file);
  const at = (w: string, page = 1) => ws.find((x) => x.text === w && x.page === page);

  test('prints Arabic labels with no English one left and none cut', () => {
    const text = pdfText(file);
    const latin = squash(text).replace(data, '').match(/[A-Za-z]{3,}/g) ?? [];
    // What stays Latin: metric names as CX teams write them in Arabic too, and the rule value "save time"
    // (data, which pdftotext's bidi may print as "time save").
    expect(latin.filter((w) => !['NPS', 'CSAT', 'CES', 'save', 'time'].includes(w))).toEqual([]);
    expect(text).not.toMatch(/…|\.\.\./);
    for (const w of ['مقارنة', 'الشخصيات', 'التغطية', 'التداخل', 'صفحة']) expect(at(w), w).toBeDefined();
  });

  test('lays the page out right to left: headings hang from the right, the table reads from the right', () => {
    const pageRight = 595.28 - 40;
    const heading = at('مقارنة')!;
    expect(heading.xMax).toBeGreaterThan(pageRight - 6);
    // The personas table: the persona column on the right, NPS (its last column) on the left.
    const personaHeader = ws.find((x) => x.page === 1 && x.text === 'الشخصية' && x.yMin > heading.yMin)!;
    const nps = ws.find((x) => x.page === 1 && x.text === 'NPS' && Math.abs(x.yMin - personaHeader.yMin) < 3)!;
    expect(personaHeader.xMin).toBeGreaterThan(nps.xMax);
    // A persona's name heads its page from the right edge.
    const maya = ws.find((x) => x.page === 2 && x.text === 'Chen')!;
    expect(maya.xMax).toBeGreaterThan(pageRight - 20);
  });
});
