import { jsPDF } from 'jspdf';
import type { AnalyticsReport, ReportPersona } from './analyticsReport';
import { box, createFlow, distributionBars, distributionPie, heading, kpiCards, label, lineChart, percentBars, table, type Flow } from './analyticsPdfParts';
import { analyticsWords } from './analyticsText';
import { journeyPage } from './analyticsJourneyPdf';
import { registerFonts, type PdfFonts } from './fonts';
import { paperSizes } from './paper';
import { englishText, type ExportText } from '../i18n/exportText';
import { drawText, setFont } from './pdfText';

/** How to print the report. */
export interface AnalyticsPdfOptions {
  fonts: PdfFonts;
  paper?: 'a4' | 'letter';
  /** The language of the labels, numbers and dates (English by default). */
  text?: ExportText;
}

const margin = 40;
const brand = '#4f46e5';

/** "Mar 1, 2025 – Apr 30, 2025" in the report's language, open ends named. */
export function rangeLabel(range: AnalyticsReport['range'], text: ExportText = englishText): string {
  return analyticsWords(text).range(range);
}

/** When the report was made, in its own time zone and the reader's way of writing dates. */
function generatedAt(r: AnalyticsReport, text: ExportText): string {
  try {
    return new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: r.timeZone }).format(r.generatedAt);
  } catch {
    // A zone Intl does not know (never expected: the workspace's zone is validated) prints in UTC.
    return new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(r.generatedAt);
  }
}

/**
 * A client-ready analytics report: a summary page (KPI cards, personas compared, distribution and
 * coverage charts, overlap), then a page per persona (its figures, distribution pie, live metrics,
 * evolution, top matches with the rules they matched). Real text in the embedded Unicode font,
 * charts as vector shapes; labels, numbers and dates in `options.text`'s language, laid out right to
 * left for Arabic. Pure: the same report gives the same PDF in a worker or under Node.
 */
export function buildAnalyticsPdf(report: AnalyticsReport, options: AnalyticsPdfOptions): Uint8Array {
  const text = options.text ?? englishText;
  const size = paperSizes[options.paper ?? 'a4'];
  const doc = new jsPDF({ unit: 'pt', format: [size.w, size.h], orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  doc.setProperties({ title: report.title, subject: text.t('report.analytics.subject', { range: rangeLabel(report.range, text) }), creator: 'CX Studio' });
  const f = createFlow(doc, size, margin, analyticsWords(text));
  summaryPage(f, report);
  for (const p of report.personas) {
    doc.addPage([size.w, size.h], 'portrait');
    f.y = f.top;
    personaPage(f, report, p);
  }
  for (const j of report.journeys ?? []) {
    doc.addPage([size.w, size.h], 'portrait');
    f.y = f.top;
    journeyPage(f, j, text);
  }
  footers(f, report, size);
  return new Uint8Array(doc.output('arraybuffer'));
}

/** A paragraph line under a heading, hanging from the start side of the language. */
function line(f: Flow, text: string, size: number, color: string): number {
  return drawText(f.doc, text, { x: f.x, y: f.y, w: f.w, h: size * 1.6 }, { size, color, maxLines: 1, ...(f.rtl ? { align: 'right' as const } : {}) });
}

function summaryPage(f: Flow, r: AnalyticsReport): void {
  const { t } = f.words.text, { num, pct } = f.words;
  setFont(f.doc, 22, true, '#111827');
  f.y += drawText(f.doc, r.title, { x: f.x, y: f.y, w: f.w, h: 60 }, { size: 22, bold: true, color: '#111827', maxLines: 2, ...(f.rtl ? { align: 'right' as const } : {}) });
  const lines = [
    t('report.analytics.datasets', { names: r.datasets.join(', ') || '—' }),
    t('report.analytics.dateRange', { range: f.words.range(r.range), zone: r.timeZone }),
    t('report.analytics.generated', { when: generatedAt(r, f.words.text), zone: r.timeZone }),
  ];
  for (const l of lines) {
    f.y += 2;
    f.y += line(f, l, 10, '#4b5563');
  }
  f.y += 12;
  const coveredPct = r.rowsInRange > 0 ? (r.covered * 100) / r.rowsInRange : null;
  const responses = (count: number) => t('report.metric.responses', { count });
  kpiCards(f, [
    { label: t('report.col.responses'), value: num(r.rowsInRange), hint: r.rowsInRange !== r.rowCount ? t('report.analytics.ofImported', { total: num(r.rowCount) }) : t('report.analytics.allImported') },
    { label: t('report.analytics.personas'), value: num(r.personas.length) },
    { label: t('report.analytics.covered'), value: pct(coveredPct), hint: t('report.analytics.atLeast50', { responses: responses(r.covered) }) },
    { label: t('report.analytics.uncovered'), value: pct(r.uncoveredPercent), hint: responses(r.uncovered) },
  ], brand);
  if (r.personas.length === 0) {
    heading(f, t('report.analytics.noPersonas'));
    return;
  }
  table(f, [t('report.col.persona'), t('report.analytics.col.scored'), t('report.analytics.col.average'), t('report.analytics.col.coverage'), t('report.col.strong'), t('report.analytics.col.bestFor'), t('report.col.nps')],
    r.personas.map((p) => [p.name, num(p.scored), pct(p.averagePercent), pct(p.coverage.percent), num(p.distribution.strong), num(p.bestCount), f.words.nps(p.live.nps)]),
    [0.28, 0.1, 0.14, 0.12, 0.1, 0.15, 0.11], ['left', 'right', 'right', 'right', 'right', 'right', 'right'], { title: t('report.analytics.compared') });
  heading(f, t('report.analytics.distributionTitle'));
  distributionBars(f, r.personas.map((p) => ({ name: p.name, ...p.distribution })));
  heading(f, t('report.analytics.coverageTitle'));
  percentBars(f, r.personas.map((p) => ({ name: p.name, percent: p.coverage.percent, color: p.accentColor, note: t('report.analytics.ofTotal', { part: num(p.coverage.covered), total: num(p.coverage.total) }) })));
  // One persona overlaps only itself: its coverage, printed just above.
  if (r.personas.length > 1) overlap(f, r);
}

// The matrix has a column per persona: past eight they no longer fit a portrait page, so the
// overlap is listed as pairs instead.
function overlap(f: Flow, r: AnalyticsReport): void {
  const { t } = f.words.text, { num } = f.words;
  const title = { title: t('report.analytics.overlapTitle') };
  const n = r.personas.length;
  if (n <= 8) {
    const first = 0.28;
    table(f, ['', ...r.personas.map((p) => p.name)], r.personas.map((p, a) => [p.name, ...r.personas.map((_, b) => num(r.overlap[a]?.[b] ?? 0))]),
      [first, ...r.personas.map(() => (1 - first) / n)], ['left', ...r.personas.map(() => 'right' as const)], title);
    return;
  }
  const pairs: { a: string; b: string; both: number }[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push({ a: r.personas[a]!.name, b: r.personas[b]!.name, both: r.overlap[a]?.[b] ?? 0 });
  pairs.sort((x, y) => y.both - x.both);
  table(f, [t('report.col.persona'), t('report.analytics.col.andPersona'), t('report.analytics.col.both')], pairs.map((p) => [p.a, p.b, num(p.both)]),
    [0.4, 0.4, 0.2], ['left', 'left', 'right'], title);
}

function personaPage(f: Flow, r: AnalyticsReport, p: ReportPersona): void {
  const { t } = f.words.text, { num, pct, metric } = f.words;
  const nps = f.words.nps;
  const bar = box(f, { x: f.x, y: f.y + 2, w: 5, h: 24 });
  f.doc.setFillColor(p.accentColor);
  f.doc.rect(bar.x, bar.y, bar.w, bar.h, 'F');
  setFont(f.doc, 20, true, '#111827');
  label(f, p.name, f.x + 14, f.y + 21, f.w - 14);
  f.y += 34;
  f.y += line(f, t('report.analytics.personaLine', { count: p.rules.length, range: f.words.range(r.range) }), 9, '#4b5563') + 6;
  const responses = (count: number) => t('report.metric.responses', { count });
  kpiCards(f, [
    { label: t('report.analytics.kpi.scored'), value: num(p.scored) },
    { label: t('report.analytics.kpi.average'), value: pct(p.averagePercent), hint: p.bestPercent !== null ? t('report.analytics.kpi.best', { value: pct(p.bestPercent) }) : undefined },
    { label: t('report.analytics.col.coverage'), value: pct(p.coverage.percent), hint: t('report.analytics.ofTotalAtLeast50', { part: num(p.coverage.covered), total: num(p.coverage.total) }) },
    { label: t('report.analytics.kpi.strong'), value: num(p.distribution.strong), hint: '≥ 70' },
  ], p.accentColor);
  heading(f, t('report.analytics.distribution'));
  distributionPie(f, p.distribution);
  heading(f, t('report.analytics.liveTitle', { responses: responses(p.live.responses) }));
  // Each figure in the unit of its target: shares for CSAT and trust, scores for NPS and CES.
  const target = (key: string) => f.words.target(p.targets, key);
  // A card's hint line is short: the target when one is set, otherwise what the figure is.
  const hint = (key: string, rest: string) => {
    const value = target(key);
    return value ? t('report.analytics.target', { value }) : rest;
  };
  const topBox = (mean: number | null) => (mean === null ? t('report.analytics.topBox') : t('report.analytics.topBoxMean', { mean: metric(mean) }));
  kpiCards(f, [
    { label: t('report.analytics.loyalty'), value: nps(p.live.nps), hint: hint('loyalty', t('report.analytics.npsHint', { promoters: p.live.promoters, detractors: p.live.detractors })) },
    { label: t('report.col.csat'), value: pct(p.live.csat), hint: hint('satisfaction', topBox(p.live.satisfaction)) },
    { label: t('report.col.trustPercent'), value: pct(p.live.trustPercent), hint: hint('trust', topBox(p.live.trust)) },
    { label: t('report.col.ces'), value: metric(p.live.effort), hint: hint('effort', t('report.analytics.cesHint')) },
  ], p.accentColor);
  if (p.rules.length > 0) {
    table(f, [t('report.analytics.col.rule'), t('report.col.weight'), t('report.analytics.col.note')], p.rules.map((x) => [x.description, f.words.text.fmt.number(x.weight), x.problem ?? '']),
      [0.6, 0.1, 0.3], ['left', 'right', 'left'], { title: t('report.analytics.rules'), context: p.name });
  }
  if (p.evolution.length > 1) {
    heading(f, t('report.analytics.evolution'));
    lineChart(f, p.evolution.map((d) => ({ day: d.day, value: d.averagePercent })), p.accentColor, t('report.analytics.chartLabel'), [0, 100]);
  }
  // A response that matched no rule at all (0 %) is no match: listing it under "Top matches" reads
  // as a finding. The screen lists the same way.
  const top = p.top.filter((x) => x.percent > 0);
  if (top.length === 0) {
    heading(f, t('report.analytics.top'));
    setFont(f.doc, 9.5, false, '#6b7280');
    label(f, t(p.top.length === 0 ? 'report.analytics.noScored' : 'report.analytics.noMatch'), f.x, f.y + 10, f.w);
    f.y += 18;
    return;
  }
  table(f, [t('report.analytics.col.respondent'), t('report.analytics.col.score'), t('report.analytics.col.match'), t('report.analytics.col.matchedRules')],
    top.map((x) => [x.respondentId ?? '—', pct(x.percent), f.words.bucket(x.bucket), x.matched.join('; ') || '—']), [0.18, 0.1, 0.12, 0.6], ['left', 'right', 'left', 'left'],
    { title: t('report.analytics.top'), context: p.name });
}

function footers(f: Flow, r: AnalyticsReport, size: { w: number; h: number }): void {
  const { doc } = f;
  const pages = doc.getNumberOfPages();
  for (let i = 1; i <= pages; i++) {
    doc.setPage(i);
    setFont(doc, 7.5, false, '#9ca3af');
    label(f, `${r.title} · ${f.words.range(r.range)}`, margin, size.h - 20, size.w / 2);
    label(f, f.words.text.t('report.page', { n: i, of: pages }), size.w - margin, size.h - 20, 100, 'right');
  }
}
