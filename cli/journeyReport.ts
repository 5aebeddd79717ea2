/**
 * The journey report as an Excel workbook: funnel and stage table, time distributions, top paths,
 * stage-to-stage moves (skips and loops), touchpoint cards with event rules, unmatched events and,
 * when asked, the comparison with its intervals. The moves sheet is labelled through the report catalogue (English unless asked otherwise).
 */
import ExcelJS from 'exceljs';
import { englishText, type ExportText } from '../common/i18n/exportText';
import { distributionTable, formatDuration, moveRows, pathText, stageTable, type JourneyReport } from '../common/journeyAnalytics/report';

/** Builds the workbook bytes. */
export async function journeyWorkbook(report: JourneyReport, text: ExportText = englishText): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const f = report.figures;
  const names = f.stages.map((s) => s.name);
  const stagesSheet = wb.addWorksheet('Stages');
  const table = stageTable(f);
  stagesSheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) stagesSheet.addRow(row);
  stagesSheet.addRow([]);
  stagesSheet.addRow(['Customers', f.customers]);
  stagesSheet.addRow(['Completed', f.completed]);
  stagesSheet.addRow(['Completion rate', f.completionRate]);
  stagesSheet.addRow(['Time to complete, median', formatDuration(f.timeToComplete.median)]);
  stagesSheet.addRow(['Inactive (no event within the cut-off)', f.inactive]);
  for (const col of [4, 6]) stagesSheet.getColumn(col).numFmt = '0.0%';
  stagesSheet.getColumn(1).width = 28;

  const dist = wb.addWorksheet('Time distribution');
  const d = distributionTable(f);
  dist.addRow(d.header).font = { bold: true };
  for (const row of d.rows) dist.addRow(row);

  const paths = wb.addWorksheet('Paths');
  paths.addRow(['Rank', 'Path', 'Customers', 'Loops', 'Skips', 'Completes']).font = { bold: true };
  f.topPaths.forEach((p, i) => paths.addRow([i + 1, pathText(p, names), p.customers, p.loops ? 'yes' : '', p.skips ? 'yes' : '', p.completes ? 'yes' : '']));
  paths.getColumn(2).width = 60;

  const moves = wb.addWorksheet(text.t('report.journey.moves.sheet'));
  const m = (key: 'from' | 'to' | 'kind' | 'customers' | 'moves') => text.t(`report.journey.moves.col.${key}`);
  moves.addRow([m('from'), m('to'), m('kind'), m('customers'), m('moves')]).font = { bold: true };
  for (const v of moveRows(f)) moves.addRow([v.from, v.to, text.t(`report.journey.moves.${v.kind}`), v.customers, v.moves]);
  for (const col of [1, 2, 3]) moves.getColumn(col).width = 22;

  const cards = report.journey.cards ?? [];
  if (cards.length > 0 && f.cards) {
    const sheet = wb.addWorksheet(text.t('report.journey.cards.sheet'));
    const c = (key: 'stage' | 'card' | 'reached' | 'share' | 'customers' | 'events') => text.t(`report.journey.cards.col.${key}`);
    sheet.addRow([c('stage'), c('card'), c('reached'), c('share'), c('customers'), c('events')]).font = { bold: true };
    cards.forEach((card, i) => {
      const k = f.cards![i]!;
      sheet.addRow([card.stage, `${card.lane}: ${card.text}`, k.reached, k.share, k.customers, k.events]);
    });
    sheet.getColumn(4).numFmt = '0.0%';
    sheet.getColumn(2).width = 36;
  }

  const unmatched = wb.addWorksheet('Unmatched events');
  unmatched.addRow(['Event', 'Count']).font = { bold: true };
  for (const u of f.unmatched) unmatched.addRow([u.name, u.count]);

  if (report.comparison) {
    const { a, b, result } = report.comparison;
    const cmp = wb.addWorksheet('Comparison');
    cmp.addRow(['Stage', `Reached: ${a}`, `Reached: ${b}`, `Share of starters: ${a}`, `Share of starters: ${b}`, 'Difference', '95 % low', '95 % high']).font = { bold: true };
    result.a.stages.forEach((s, i) => {
      const sb = result.b.stages[i]!, diff = result.reach[i];
      const startA = result.a.stages[0]!.reachStrict, startB = result.b.stages[0]!.reachStrict;
      cmp.addRow([s.name, s.reachStrict, sb.reachStrict, startA > 0 ? s.reachStrict / startA : null, startB > 0 ? sb.reachStrict / startB : null, diff?.difference ?? null, diff?.low ?? null, diff?.high ?? null]);
    });
    for (const col of [4, 5, 6, 7, 8]) cmp.getColumn(col).numFmt = '0.0%';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
