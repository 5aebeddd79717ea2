/**
 * The journey report as an Excel workbook: funnel and stage table, time distributions, top paths,
 * stage-to-stage moves (skips and loops), touchpoint cards with event rules, unmatched events and,
 * when asked, the comparison with its intervals. Every sheet is named and labelled through the report
 * catalogue, in `--lang`'s language (English without it).
 */
import ExcelJS from 'exceljs';
import { analyticsWords } from '../common/export/analyticsText';
import { englishText, type ExportText } from '../common/i18n/exportText';
import { distributionTable, moveRows, pathText, stageTable, type JourneyReport } from '../common/journeyAnalytics/report';

/** Builds the workbook bytes: every sheet name, header, fixed label and duration in `text`'s language. */
export async function journeyWorkbook(report: JourneyReport, text: ExportText = englishText): Promise<Uint8Array> {
  const { t } = text;
  const wb = new ExcelJS.Workbook();
  const f = report.figures;
  const names = f.stages.map((s) => s.name);
  const stagesSheet = wb.addWorksheet(t('report.cli.journey.sheet.stages'));
  const table = stageTable(f, text);
  stagesSheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) stagesSheet.addRow(row);
  stagesSheet.addRow([]);
  stagesSheet.addRow([t('report.aj.customers'), f.customers]);
  stagesSheet.addRow([t('report.aj.completed'), f.completed]);
  stagesSheet.addRow([t('report.cli.journey.completionRate'), f.completionRate]);
  stagesSheet.addRow([t('report.cli.journey.medianComplete'), analyticsWords(text).duration(f.timeToComplete.median)]);
  stagesSheet.addRow([t('report.cli.journey.inactive'), f.inactive]);
  for (const col of [4, 6]) stagesSheet.getColumn(col).numFmt = '0.0%';
  stagesSheet.getColumn(1).width = 28;

  const dist = wb.addWorksheet(t('report.cli.journey.sheet.distribution'));
  const d = distributionTable(f, text);
  dist.addRow(d.header).font = { bold: true };
  for (const row of d.rows) dist.addRow(row);

  const paths = wb.addWorksheet(t('report.cli.journey.sheet.paths'));
  paths.addRow([t('report.cli.journey.col.rank'), t('report.aj.col.path'), t('report.aj.customers'), t('report.aj.col.loops'), t('report.aj.col.skips'), t('report.aj.col.completes')]).font = { bold: true };
  const yes = t('report.aj.yesNo', { value: 'yes' });
  f.topPaths.forEach((p, i) => paths.addRow([i + 1, pathText(p, names), p.customers, p.loops ? yes : '', p.skips ? yes : '', p.completes ? yes : '']));
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

  const unmatched = wb.addWorksheet(t('report.cli.journey.sheet.unmatched'));
  unmatched.addRow([t('report.cli.journey.col.event'), t('report.cli.journey.col.count')]).font = { bold: true };
  for (const u of f.unmatched) unmatched.addRow([u.name, u.count]);

  if (report.comparison) {
    const { a, b, result } = report.comparison;
    const cmp = wb.addWorksheet(t('report.cli.journey.sheet.comparison'));
    cmp.addRow([
      t('report.aj.col.stage'), t('report.cli.journey.col.reachedGroup', { group: a }), t('report.cli.journey.col.reachedGroup', { group: b }),
      t('report.cli.journey.col.shareGroup', { group: a }), t('report.cli.journey.col.shareGroup', { group: b }), t('report.cli.journey.col.difference'),
      t('report.cli.journey.col.bound', { bound: 'low' }), t('report.cli.journey.col.bound', { bound: 'high' }),
    ]).font = { bold: true };
    result.a.stages.forEach((s, i) => {
      const sb = result.b.stages[i]!, diff = result.reach[i];
      const startA = result.a.stages[0]!.reachStrict, startB = result.b.stages[0]!.reachStrict;
      cmp.addRow([s.name, s.reachStrict, sb.reachStrict, startA > 0 ? s.reachStrict / startA : null, startB > 0 ? sb.reachStrict / startB : null, diff?.difference ?? null, diff?.low ?? null, diff?.high ?? null]);
    });
    for (const col of [4, 5, 6, 7, 8]) cmp.getColumn(col).numFmt = '0.0%';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
