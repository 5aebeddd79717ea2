/**
 * The journey pages of the analytics PDF (issue 14 item 6): per journey its summary, the funnel as
 * bars of the starters who reached each stage in order, the stage table (with sentiment when a
 * question is mapped), the top paths and the persona table with the stages where a persona converts
 * significantly worse than the rest. Skips and loops (moves past the next stage or back to an earlier
 * one) included; every label, number, rate and duration in the export's language (issue 18).
 */
import { englishText, type ExportText } from '../i18n/exportText';
import { skipsAndLoops, type MoveRow } from '../journeyAnalytics/report';
import { heading, kpiCards, percentBars, table, type Flow } from './analyticsPdfParts';
import { personaProblemText, type JourneyReportSection } from './journeySection';
import { drawText } from './pdfText';

const accent = '#4f7cac';

/** Draws one journey's section from the top of a fresh page, in `text`'s language. */
export function journeyPage(f: Flow, j: JourneyReportSection, text: ExportText = englishText): void {
  const { t } = text;
  const { num, rate, duration } = f.words;
  const pts = (v: number) => f.words.nps(v * 100);
  const line = (s: string, size: number, color: string, lines = 1) =>
    drawText(f.doc, s, { x: f.x, y: f.y, w: f.w, h: size * 1.6 * lines }, { size, color, maxLines: lines, ...(f.rtl ? { align: 'right' as const } : {}) });
  heading(f, t('report.aj.title', { name: j.name }), 18);
  f.y += line(j.personas ? t('report.aj.logSurvey', { log: j.logName, survey: j.personas.surveyName }) : t('report.aj.log', { log: j.logName }), 9, '#4b5563') + 6;
  kpiCards(f, [
    { label: t('report.aj.customers'), value: num(j.customers) },
    { label: t('report.aj.started'), value: num(j.stages[0]?.reach ?? 0) },
    { label: t('report.aj.completed'), value: rate(j.completionRate), hint: t('report.aj.completedHint', { count: num(j.completed) }) },
    { label: t('report.aj.timeToComplete'), value: duration(j.medianTimeToComplete), hint: t('report.aj.medianP90', { p90: duration(j.p90TimeToComplete) }) },
  ], accent);
  const start = j.stages[0]?.reach ?? 0;
  heading(f, t('report.aj.funnel'));
  percentBars(f, j.stages.map((s) => ({ name: s.name, percent: start > 0 ? (s.reach * 100) / start : 0, color: accent, note: num(s.reach) })));
  const withSentiment = j.stages.some((s) => s.sentiment);
  const sentimentCell = (s: JourneyReportSection['stages'][number]) => {
    if (s.sentiment?.mean == null) return '—';
    const mean = text.fmt.number(s.sentiment.mean, 2);
    return s.sentiment.top2 === null ? `${mean} (n ${num(s.sentiment.n)})` : t('report.aj.sentimentCell', { mean, top2: rate(s.sentiment.top2), n: num(s.sentiment.n) });
  };
  table(f, [t('report.aj.col.stage'), t('report.aj.col.reached'), t('report.aj.col.ofPrevious'), t('report.aj.col.dropOff'), t('report.aj.col.timeInStage'), t('report.aj.col.toNext'),
    ...(withSentiment ? [t('report.aj.col.sentiment')] : [])],
    j.stages.map((s) => [s.name, num(s.reach), rate(s.conversion), `${num(s.dropOff)} (${rate(s.dropOffRate)})`,
      `${duration(s.medianTimeInStage)} / ${duration(s.p90TimeInStage)}`, duration(s.medianTimeToNext), ...(withSentiment ? [sentimentCell(s)] : [])]),
    withSentiment ? [0.16, 0.1, 0.1, 0.13, 0.17, 0.1, 0.24] : [0.22, 0.12, 0.12, 0.15, 0.23, 0.16],
    ['left', 'right', 'right', 'right', 'right', 'right', 'left'], { title: t('report.aj.stages'), context: j.name });
  cardsTable(f, j, text);
  if (j.paths.length > 0) {
    const note = (p: JourneyReportSection['paths'][number]) => [p.loops && t('report.aj.loop'), p.skips && t('report.aj.skips'), p.completes && t('report.aj.completes')].filter(Boolean).join(', ');
    table(f, [t('report.aj.col.path'), t('report.aj.customers'), t('report.aj.col.note')], j.paths.map((p) => [p.path, num(p.customers), note(p)]),
      [0.66, 0.12, 0.22], ['left', 'right', 'left'], { title: t('report.aj.topPaths'), context: j.name });
  }
  movesTable(f, j, text);
  if (j.personaProblem) {
    heading(f, t('report.aj.personas'));
    f.y += drawText(f.doc, personaProblemText(j.personaProblem, text), { x: f.x, y: f.y, w: f.w, h: 28 }, { size: 9.5, color: '#b91c1c', maxLines: 2, ...(f.rtl ? { align: 'right' as const } : {}) });
  }
  const p = j.personas;
  if (!p) return;
  heading(f, t('report.aj.personas'));
  f.y += line(t('report.aj.joinLine', { joined: p.joined, surveyOnly: p.surveyOnly, logOnly: p.logOnly }), 9, '#4b5563', 3) + 4;
  if (p.rows.length === 0) return;
  table(f, [t('report.col.persona'), t('report.aj.customers'), t('report.aj.started'), t('report.aj.completed'), t('report.aj.col.mostStop'), t('report.aj.timeToComplete'), t('report.aj.col.worse')],
    p.rows.map((r) => [t('report.aj.rank', { rank: r.best ? 'best' : r.worst ? 'worst' : 'none', name: r.name }), num(r.customers), num(r.reach[0] ?? 0),
      `${num(r.completed)} (${rate(r.completionRate)})`, r.dropOffStage ?? '—', duration(r.medianTimeToComplete),
      r.below.map((b) => t('report.aj.below', { stage: b.stage, difference: pts(b.difference), low: pts(b.low), high: pts(b.high) })).join('; ') || '—']),
    [0.15, 0.1, 0.09, 0.13, 0.12, 0.11, 0.3], ['left', 'right', 'right', 'right', 'left', 'right', 'left'], { title: t('report.aj.personasTitle'), context: j.name });
}

/** Touchpoint cards with event rules and their figures (nothing when no card has rules). */
function cardsTable(f: Flow, j: JourneyReportSection, text: ExportText): void {
  if (j.cards.length === 0) return;
  const num = f.words.num;
  const c = (name: 'stage' | 'card' | 'reached' | 'share' | 'customers' | 'events') => text.t(`report.journey.cards.col.${name}`);
  const title = text.t('report.journey.cards.title');
  table(f, [c('stage'), c('card'), c('reached'), c('share'), c('customers'), c('events')],
    j.cards.map((k) => [k.stage, `${k.lane}: ${k.text}`, num(k.reached), f.words.rate(k.share), num(k.customers), num(k.events)]),
    [0.16, 0.3, 0.16, 0.12, 0.14, 0.12], ['left', 'left', 'right', 'right', 'right', 'right'], { title, context: j.name });
  f.y += drawText(f.doc, text.t('report.journey.cards.note'), { x: f.x, y: f.y, w: f.w, h: 28 }, { size: 8.5, color: '#4b5563', maxLines: 2, ...(f.rtl ? { align: 'right' as const } : {}) }) + 4;
}

/** Skips and loops, most customers first, as the map lists them; a line saying so when there are none. */
function movesTable(f: Flow, j: JourneyReportSection, text: ExportText): void {
  if (j.moves.length === 0) return; // no customer reached two stages: nothing moved at all
  const num = f.words.num;
  const rows = skipsAndLoops(j.moves);
  const title = text.t('report.journey.moves.title');
  if (rows.length === 0) {
    heading(f, title);
    f.y += drawText(f.doc, text.t('report.journey.moves.none'), { x: f.x, y: f.y, w: f.w, h: 14 }, { size: 9, color: '#4b5563', maxLines: 1, ...(f.rtl ? { align: 'right' as const } : {}) }) + 4;
    return;
  }
  const kind = (m: MoveRow) => text.t(m.kind === 'skip' ? 'report.journey.moves.skip' : 'report.journey.moves.back');
  const c = (name: 'from' | 'to' | 'customers' | 'moves' | 'kind') => text.t(`report.journey.moves.col.${name}`);
  table(f, [c('from'), c('to'), c('customers'), c('moves'), c('kind')], rows.map((m) => [m.from, m.to, num(m.customers), num(m.moves), kind(m)]),
    [0.28, 0.28, 0.13, 0.13, 0.18], ['left', 'left', 'right', 'right', 'left'], { title, context: j.name });
}
