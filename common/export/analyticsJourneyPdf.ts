/**
 * The journey pages of the analytics PDF (issue 14 item 6): per journey its summary, the funnel as
 * bars of the starters who reached each stage in order, the stage table (with sentiment when a
 * question is mapped), the top paths and the persona table with the stages where a persona converts
 * significantly worse than the rest. Skips and loops (moves past the next stage or back to an earlier
 * one) are labelled through the report catalogue; the rest of the page is still English (issue 18).
 */
import { countOf } from '../analytics/display';
import { englishText, type ExportText } from '../i18n/exportText';
import { formatDuration, formatRate, skipsAndLoops, type MoveRow } from '../journeyAnalytics/report';
import { heading, kpiCards, percentBars, table, type Flow } from './analyticsPdfParts';
import type { JourneyReportSection } from './journeySection';
import { drawText } from './pdfText';

const accent = '#4f7cac';
const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}`;

/** Draws one journey's section from the top of a fresh page. */
export function journeyPage(f: Flow, j: JourneyReportSection, text: ExportText = englishText): void {
  const num = f.words.num;
  heading(f, `Journey: ${j.name}`, 18);
  f.y += drawText(f.doc, `Event log: ${j.logName}${j.personas ? ` · survey joined: ${j.personas.surveyName}` : ''}`, { x: f.x, y: f.y, w: f.w, h: 14 }, { size: 9, color: '#4b5563', maxLines: 1 }) + 6;
  kpiCards(f, [
    { label: 'Customers', value: num(j.customers) },
    { label: 'Started', value: num(j.stages[0]?.reach ?? 0) },
    { label: 'Completed', value: formatRate(j.completionRate), hint: `${num(j.completed)} reached the last stage in order` },
    { label: 'Time to complete', value: formatDuration(j.medianTimeToComplete), hint: `median · p90 ${formatDuration(j.p90TimeToComplete)}` },
  ], accent);
  const start = j.stages[0]?.reach ?? 0;
  heading(f, 'Funnel (share of starters who reached each stage in order)');
  percentBars(f, j.stages.map((s) => ({ name: s.name, percent: start > 0 ? (s.reach * 100) / start : 0, color: accent, note: num(s.reach) })));
  const withSentiment = j.stages.some((s) => s.sentiment);
  const sentimentCell = (s: JourneyReportSection['stages'][number]) => (s.sentiment?.mean == null ? '—'
    : `${s.sentiment.mean.toFixed(2)}${s.sentiment.top2 === null ? '' : ` · ${formatRate(s.sentiment.top2)} top-2`} (n ${num(s.sentiment.n)})`);
  table(f, ['Stage', 'Reached', 'Of previous', 'Drop-off', 'Time in stage (median / p90)', 'To next (median)', ...(withSentiment ? ['Sentiment'] : [])],
    j.stages.map((s) => [s.name, num(s.reach), formatRate(s.conversion), `${num(s.dropOff)} (${formatRate(s.dropOffRate)})`,
      `${formatDuration(s.medianTimeInStage)} / ${formatDuration(s.p90TimeInStage)}`, formatDuration(s.medianTimeToNext), ...(withSentiment ? [sentimentCell(s)] : [])]),
    withSentiment ? [0.16, 0.1, 0.1, 0.13, 0.17, 0.1, 0.24] : [0.22, 0.12, 0.12, 0.15, 0.23, 0.16],
    ['left', 'right', 'right', 'right', 'right', 'right', 'left'], { title: 'Stages', context: j.name });
  cardsTable(f, j, text);
  if (j.paths.length > 0) {
    table(f, ['Path', 'Customers', 'Note'], j.paths.map((p) => [p.path, num(p.customers), [p.loops && 'loop', p.skips && 'skips a stage', p.completes && 'completes'].filter(Boolean).join(', ')]),
      [0.66, 0.12, 0.22], ['left', 'right', 'left'], { title: 'Top paths', context: j.name });
  }
  movesTable(f, j, text);
  if (j.personaProblem) {
    heading(f, 'Personas');
    f.y += drawText(f.doc, j.personaProblem, { x: f.x, y: f.y, w: f.w, h: 28 }, { size: 9.5, color: '#b91c1c', maxLines: 2 });
  }
  const p = j.personas;
  if (!p) return;
  heading(f, 'Personas');
  f.y += drawText(f.doc, `${countOf(p.joined, 'respondent')} joined to customers by id; ${countOf(p.surveyOnly, 'survey id')} not in the log; ${countOf(p.logOnly, 'customer')} without survey answers (counted in “the rest”). Each respondent counts for its best persona (score 50 or more).`,
    { x: f.x, y: f.y, w: f.w, h: 28 }, { size: 9, color: '#4b5563', maxLines: 2 }) + 4;
  if (p.rows.length === 0) return;
  table(f, ['Persona', 'Customers', 'Started', 'Completed', 'Most stop at', 'Time to complete', 'Worse than the rest at (95 %)'],
    p.rows.map((r) => [`${r.name}${r.best ? ' (best)' : r.worst ? ' (worst)' : ''}`, num(r.customers), num(r.reach[0] ?? 0),
      `${num(r.completed)} (${formatRate(r.completionRate)})`, r.dropOffStage ?? '—', formatDuration(r.medianTimeToComplete),
      r.below.map((b) => `${b.stage} ${pts(b.difference)} pts (${pts(b.low)} to ${pts(b.high)})`).join('; ') || '—']),
    [0.15, 0.1, 0.09, 0.13, 0.12, 0.11, 0.3], ['left', 'right', 'right', 'right', 'left', 'right', 'left'], { title: 'Personas on this journey', context: j.name });
}

/** Touchpoint cards with event rules and their figures (nothing when no card has rules). */
function cardsTable(f: Flow, j: JourneyReportSection, text: ExportText): void {
  if (j.cards.length === 0) return;
  const num = f.words.num;
  const c = (name: 'stage' | 'card' | 'reached' | 'share' | 'customers' | 'events') => text.t(`report.journey.cards.col.${name}`);
  const title = text.t('report.journey.cards.title');
  table(f, [c('stage'), c('card'), c('reached'), c('share'), c('customers'), c('events')],
    j.cards.map((k) => [k.stage, `${k.lane}: ${k.text}`, num(k.reached), formatRate(k.share), num(k.customers), num(k.events)]),
    [0.16, 0.3, 0.16, 0.12, 0.14, 0.12], ['left', 'left', 'right', 'right', 'right', 'right'], { title, context: j.name });
  f.y += drawText(f.doc, text.t('report.journey.cards.note'), { x: f.x, y: f.y, w: f.w, h: 28 }, { size: 8.5, color: '#4b5563', maxLines: 2 }) + 4;
}

/** Skips and loops, most customers first, as the map lists them; a line saying so when there are none. */
function movesTable(f: Flow, j: JourneyReportSection, text: ExportText): void {
  if (j.moves.length === 0) return; // no customer reached two stages: nothing moved at all
  const num = f.words.num;
  const rows = skipsAndLoops(j.moves);
  const title = text.t('report.journey.moves.title');
  if (rows.length === 0) {
    heading(f, title);
    f.y += drawText(f.doc, text.t('report.journey.moves.none'), { x: f.x, y: f.y, w: f.w, h: 14 }, { size: 9, color: '#4b5563', maxLines: 1 }) + 4;
    return;
  }
  const kind = (m: MoveRow) => text.t(m.kind === 'skip' ? 'report.journey.moves.skip' : 'report.journey.moves.back');
  const c = (name: 'from' | 'to' | 'customers' | 'moves' | 'kind') => text.t(`report.journey.moves.col.${name}`);
  table(f, [c('from'), c('to'), c('customers'), c('moves'), c('kind')], rows.map((m) => [m.from, m.to, num(m.customers), num(m.moves), kind(m)]),
    [0.28, 0.28, 0.13, 0.13, 0.18], ['left', 'left', 'right', 'right', 'left'], { title, context: j.name });
}
