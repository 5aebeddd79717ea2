import { jsPDF } from 'jspdf';
import type { AnalyticsReport, ReportPersona } from './analyticsReport';
import { createFlow, distributionBars, distributionPie, heading, kpiCards, lineChart, num, percentBars, table, type Flow } from './analyticsPdfParts';
import { journeyPage } from './analyticsJourneyPdf';
import { registerFonts, type PdfFonts } from './fonts';
import { paperSizes } from './paper';
import { countOf, formatNps } from '../analytics/display';
import { liveTarget } from '../analytics/liveFigures';
import { drawLabel, drawText, setFont } from './pdfText';

/** How to print the report. */
export interface AnalyticsPdfOptions {
  fonts: PdfFonts;
  paper?: 'a4' | 'letter';
}

const margin = 40;
const brand = '#4f46e5';
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const metric = (v: number | null) => (v === null ? '—' : v.toFixed(1).replace(/\.0$/, ''));
/** NPS with the screen's rounding (one decimal, signed). */
const nps = (v: number | null) => formatNps(v) ?? '—';

/** "1 Mar 2025 – 30 Apr 2025", open ends named. */
export function rangeLabel(range: AnalyticsReport['range']): string {
  if (!range.from && !range.to) return 'All responses';
  return `${range.from ?? 'first response'} – ${range.to ?? 'last response'}`;
}

/**
 * A client-ready analytics report: a summary page (KPI cards, personas compared, distribution and
 * coverage charts, overlap), then a page per persona (its figures, distribution pie, live metrics,
 * evolution, top matches with the rules they matched). Real text in the embedded Unicode font,
 * charts as vector shapes. Pure: the same report gives the same PDF in a worker or under Node.
 */
export function buildAnalyticsPdf(report: AnalyticsReport, options: AnalyticsPdfOptions): Uint8Array {
  const size = paperSizes[options.paper ?? 'a4'];
  const doc = new jsPDF({ unit: 'pt', format: [size.w, size.h], orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  registerFonts(doc, options.fonts);
  doc.setProperties({ title: report.title, subject: `Persona analytics, ${rangeLabel(report.range)}`, creator: 'CX Studio' });
  const f = createFlow(doc, size, margin);
  summaryPage(f, report);
  for (const p of report.personas) {
    doc.addPage([size.w, size.h], 'portrait');
    f.y = f.top;
    personaPage(f, report, p);
  }
  for (const j of report.journeys ?? []) {
    doc.addPage([size.w, size.h], 'portrait');
    f.y = f.top;
    journeyPage(f, j);
  }
  footers(doc, report, size);
  return new Uint8Array(doc.output('arraybuffer'));
}

function summaryPage(f: Flow, r: AnalyticsReport): void {
  setFont(f.doc, 22, true, '#111827');
  f.y += drawText(f.doc, r.title, { x: f.x, y: f.y, w: f.w, h: 60 }, { size: 22, bold: true, color: '#111827', maxLines: 2 });
  const lines = [
    `Datasets: ${r.datasets.join(', ') || '—'}`,
    `Date range: ${rangeLabel(r.range)} (${r.timeZone})`,
    `Generated ${new Date(r.generatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC by CX Studio`,
  ];
  for (const line of lines) f.y += drawText(f.doc, line, { x: f.x, y: f.y + 2, w: f.w, h: 16 }, { size: 10, color: '#4b5563', maxLines: 1 });
  f.y += 12;
  const coveredPct = r.rowsInRange > 0 ? (r.covered * 100) / r.rowsInRange : null;
  kpiCards(f, [
    { label: 'Responses', value: num(r.rowsInRange), hint: r.rowsInRange !== r.rowCount ? `of ${num(r.rowCount)} imported` : 'all imported' },
    { label: 'Personas', value: String(r.personas.length) },
    { label: 'Covered by a persona', value: pct(coveredPct), hint: `${countOf(r.covered, 'response')} ≥ 50` },
    { label: 'No persona covers', value: pct(r.uncoveredPercent), hint: countOf(r.uncovered, 'response') },
  ], brand);
  if (r.personas.length === 0) {
    heading(f, 'No personas to score yet');
    return;
  }
  table(f, ['Persona', 'Scored', 'Average', 'Coverage', 'Strong', 'Best for', 'NPS'],
    r.personas.map((p) => [p.name, num(p.scored), pct(p.averagePercent), pct(p.coverage.percent), num(p.distribution.strong), num(p.bestCount), nps(p.live.nps)]),
    [0.28, 0.1, 0.14, 0.12, 0.1, 0.15, 0.11], ['left', 'right', 'right', 'right', 'right', 'right', 'right'], { title: 'Personas compared' });
  heading(f, 'Match distribution (strong / moderate / weak)');
  distributionBars(f, r.personas.map((p) => ({ name: p.name, ...p.distribution })));
  heading(f, 'Coverage (responses scoring ≥ 50)');
  percentBars(f, r.personas.map((p) => ({ name: p.name, percent: p.coverage.percent, color: p.accentColor, note: `${num(p.coverage.covered)} of ${num(p.coverage.total)}` })));
  // One persona overlaps only itself: its coverage, printed just above.
  if (r.personas.length > 1) overlap(f, r);
}

const overlapTitle = { title: 'Overlap (responses ≥ 50 for both personas)' };

// The matrix has a column per persona: past eight they no longer fit a portrait page, so the
// overlap is listed as pairs instead.
function overlap(f: Flow, r: AnalyticsReport): void {
  const n = r.personas.length;
  if (n <= 8) {
    const first = 0.28;
    table(f, ['', ...r.personas.map((p) => p.name)], r.personas.map((p, a) => [p.name, ...r.personas.map((_, b) => num(r.overlap[a]?.[b] ?? 0))]),
      [first, ...r.personas.map(() => (1 - first) / n)], ['left', ...r.personas.map(() => 'right' as const)], overlapTitle);
    return;
  }
  const pairs: string[][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([r.personas[a]!.name, r.personas[b]!.name, num(r.overlap[a]?.[b] ?? 0)]);
  pairs.sort((x, y) => Number(y[2]!.replace(/,/g, '')) - Number(x[2]!.replace(/,/g, '')));
  table(f, ['Persona', 'and persona', 'Both ≥ 50'], pairs, [0.4, 0.4, 0.2], ['left', 'left', 'right'], overlapTitle);
}

function personaPage(f: Flow, r: AnalyticsReport, p: ReportPersona): void {
  f.doc.setFillColor(p.accentColor);
  f.doc.rect(f.x, f.y + 2, 5, 24, 'F');
  setFont(f.doc, 20, true, '#111827');
  drawLabel(f.doc, p.name, f.x + 14, f.y + 21, f.w - 14);
  f.y += 34;
  setFont(f.doc, 9, false, '#4b5563');
  f.y += drawText(f.doc, `${p.rules.length} rule${p.rules.length === 1 ? '' : 's'} · ${rangeLabel(r.range)}`, { x: f.x, y: f.y, w: f.w, h: 14 }, { size: 9, color: '#4b5563', maxLines: 1 }) + 6;
  kpiCards(f, [
    { label: 'Responses scored', value: num(p.scored) },
    { label: 'Average match', value: pct(p.averagePercent), hint: p.bestPercent !== null ? `best ${pct(p.bestPercent)}` : undefined },
    { label: 'Coverage', value: pct(p.coverage.percent), hint: `${num(p.coverage.covered)} of ${num(p.coverage.total)} ≥ 50` },
    { label: 'Strong matches', value: num(p.distribution.strong), hint: '≥ 70' },
  ], p.accentColor);
  heading(f, 'Distribution');
  distributionPie(f, p.distribution);
  heading(f, `Live metrics of matched responses (${countOf(p.live.responses, 'response')})`);
  // Each figure in the unit of its target: shares for CSAT and trust, scores for NPS and CES.
  const target = (key: string) => liveTarget(p.targets, key);
  // A card's hint line is short: the target when one is set, otherwise what the figure is.
  const hint = (key: string, rest: string) => (target(key) ? `target ${target(key)}` : rest);
  kpiCards(f, [
    { label: 'Loyalty (NPS)', value: nps(p.live.nps), hint: hint('loyalty', `${countOf(p.live.promoters, 'promoter')}, ${countOf(p.live.detractors, 'detractor')}`) },
    { label: 'CSAT %', value: pct(p.live.csat), hint: hint('satisfaction', p.live.satisfaction === null ? '4–5 of 5' : `4–5 of 5 · mean ${metric(p.live.satisfaction)}`) },
    { label: 'Trust %', value: pct(p.live.trustPercent), hint: hint('trust', p.live.trust === null ? '4–5 of 5' : `4–5 of 5 · mean ${metric(p.live.trust)}`) },
    { label: 'CES', value: metric(p.live.effort), hint: hint('effort', 'mean effort answer') },
  ], p.accentColor);
  if (p.rules.length > 0) {
    table(f, ['Rule', 'Weight', 'Note'], p.rules.map((x) => [x.description, String(x.weight), x.problem ?? '']), [0.6, 0.1, 0.3], ['left', 'right', 'left'], { title: 'Rules', context: p.name });
  }
  if (p.evolution.length > 1) {
    heading(f, 'Evolution: average match % per day (from daily snapshots)');
    lineChart(f, p.evolution.map((d) => ({ day: d.day, value: d.averagePercent })), p.accentColor, 'average match %', [0, 100]);
  }
  // A response that matched no rule at all (0 %) is no match: listing it under "Top matches" reads
  // as a finding. The screen lists the same way.
  const top = p.top.filter((t) => t.percent > 0);
  if (top.length === 0) {
    heading(f, 'Top matches');
    setFont(f.doc, 9.5, false, '#6b7280');
    drawLabel(f.doc, p.top.length === 0 ? 'No responses scored in this range.' : 'No response matched any rule.', f.x, f.y + 10, f.w);
    f.y += 18;
    return;
  }
  table(f, ['Respondent', 'Score', 'Match', 'Matched rules'],
    top.map((t) => [t.respondentId ?? '—', pct(t.percent), t.bucket, t.matched.join('; ') || '—']), [0.18, 0.1, 0.12, 0.6], ['left', 'right', 'left', 'left'], { title: 'Top matches', context: p.name });
}

function footers(doc: jsPDF, r: AnalyticsReport, size: { w: number; h: number }): void {
  const pages = doc.getNumberOfPages();
  for (let i = 1; i <= pages; i++) {
    doc.setPage(i);
    setFont(doc, 7.5, false, '#9ca3af');
    drawLabel(doc, `${r.title} · ${rangeLabel(r.range)}`, margin, size.h - 20, size.w / 2);
    drawLabel(doc, `Page ${i} of ${pages}`, size.w - margin, size.h - 20, 100, 'right');
  }
}
