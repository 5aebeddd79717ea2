/**
 * `npm run cli -- journey <events.csv|xlsx|jsonl> --journey <journey.json> --out <report.json|xlsx>
 * [--tz <zone>] [--as-of <ISO time>] [--inactive-days <n>] [--compare <a>/<b>] [--lang <language>]`: imports an event log
 * with the app's importer and computes the journey's figures with the app's kernels.
 * `--compare` takes two groups: `channel=web/channel=app` (the property of a customer's first event)
 * or `2024-01-01..2024-02-01/2024-02-01..2024-03-01` (first event in the period, UTC).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isTimeZone } from '../common/analytics/days';
import { parseJourneyEnvelope } from '../common/journey/envelope';
import { analyseJourney, compareJourney, decodeEvents, importEvents, type CustomerFilter } from '../common/journeyAnalytics';
import type { JourneyReport } from '../common/journeyAnalytics/report';
import { journeyCardSources } from '../common/export/journeySection';
import { journeyWorkbook } from './journeyReport';
import { CliError } from './personas';
import { langText } from './lang';
import type { ExportText } from '../common/i18n/exportText';

const usage = 'Usage: cx-studio journey <events.csv|xlsx|jsonl> --journey <journey.json> --out <report.json|xlsx> [--tz <zone>] [--as-of <ISO time>] [--inactive-days <n>] [--compare <a>/<b>] [--lang en|ar|fr|es|de|pt-BR|ja|zh-CN|hi]';
const flagNames = ['journey', 'out', 'tz', 'as-of', 'inactive-days', 'compare', 'lang'];

class UsageError extends Error {}

function parse(argv: string[]): { file: string; flags: Map<string, string>; text: ExportText } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    if (!flagNames.includes(arg.slice(2))) throw new UsageError(`Unknown option ${arg}.`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
    flags.set(arg.slice(2), value);
  }
  if (positional.length !== 1) throw new UsageError('Give exactly one events file.');
  for (const required of ['journey', 'out']) if (!flags.has(required)) throw new UsageError(`--${required} is required.`);
  if (!/\.(json|xlsx)$/i.test(flags.get('out')!)) throw new UsageError('--out must end in .json or .xlsx.');
  const tz = flags.get('tz');
  if (tz !== undefined && !isTimeZone(tz)) throw new UsageError(`--tz "${tz}" is not a time zone.`);
  const days = flags.get('inactive-days');
  if (days !== undefined && !(Number(days) > 0 && Number(days) <= 3650)) throw new UsageError('--inactive-days must be a number of days between 0 and 3650.');
  const asOf = flags.get('as-of');
  if (asOf !== undefined && Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of "${asOf}" is not a date.`);
  const lang = langText(flags.get('lang'));
  if (!lang.ok) throw new UsageError(lang.message);
  return { file: positional[0]!, flags, text: lang.text };
}

/** A group of `--compare`: `property=v1,v2` or `from..to` (dates, UTC). */
export function parseGroup(text: string): CustomerFilter {
  const period = /^(.+)\.\.(.+)$/.exec(text);
  if (period) {
    const from = Date.parse(period[1]!), to = Date.parse(period[2]!);
    if (Number.isNaN(from) || Number.isNaN(to) || from >= to) throw new UsageError(`--compare period "${text}" must be <from>..<to> with from before to.`);
    return { kind: 'period', from, to };
  }
  const prop = /^([^=]+)=(.+)$/.exec(text);
  if (prop) return { kind: 'property', property: prop[1]!.trim(), values: prop[2]!.split(',').map((v) => v.trim()) };
  throw new UsageError(`--compare group "${text}" must be property=value[,value] or <from>..<to>.`);
}

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CliError(code === 'ENOENT' ? `${path} does not exist.` : code === 'ERR_FS_FILE_TOO_LARGE' ? `${path} is larger than 2 GB; split it into waves.` : `${path} cannot be read (${code ?? String(e)}).`);
  }
}

/** Runs `journey` and returns the exit code. */
export async function journeyMain(argv: string[], now = Date.now()): Promise<number> {
  try {
    const { file, flags, text } = parse(argv);
    const journeyPath = flags.get('journey')!;
    const parsed = parseJourneyEnvelope(read(journeyPath).toString('utf8'));
    if (!parsed.ok) throw new CliError(`${journeyPath}: ${parsed.problems.slice(0, 3).map((p) => `${p.path || 'file'}: ${p.message}`).join('; ')}`);
    const { snapshot } = parsed.data;
    const stages = snapshot.map.stages;
    if (!stages.some((s) => (s.events ?? []).length > 0)) {
      throw new CliError(`No stage of "${snapshot.name}" has event rules; add them on the journey map (Events on a stage) and export the journey again.`);
    }
    const imported = await importEvents(read(file), { fileName: basename(file), timeZone: flags.get('tz') ?? 'UTC', now, datasetId: 'cli' });
    if (!imported.ok) throw new CliError(imported.message);
    const outcome = imported.data;
    const log = decodeEvents([{ header: outcome.header, chunks: outcome.chunks }]);
    const cards = journeyCardSources(snapshot.map);
    const options = {
      ...(flags.has('as-of') ? { asOf: Date.parse(flags.get('as-of')!) } : {}),
      ...(flags.has('inactive-days') ? { inactiveAfterMs: Number(flags.get('inactive-days')) * 86_400_000 } : {}),
    };
    const figures = analyseJourney(log, stages, { ...options, cards: cards.map((c) => c.spec) });
    let comparison: JourneyReport['comparison'];
    const compare = flags.get('compare');
    if (compare !== undefined) {
      const parts = compare.split('/');
      if (parts.length !== 2) throw new UsageError('--compare needs two groups separated by "/".');
      comparison = { a: parts[0]!, b: parts[1]!, result: compareJourney(log, stages, parseGroup(parts[0]!), parseGroup(parts[1]!), options) };
    }
    const report: JourneyReport = {
      type: 'cx-studio.journey-report', version: 1, generatedAt: now,
      source: { file: basename(file), shape: outcome.header.shape, events: outcome.imported, duplicates: outcome.duplicates, rejected: outcome.rejectedCount, rejectedRows: outcome.rejected.slice(0, 100) },
      journey: {
        name: snapshot.name, stages: stages.map((s) => ({ id: s.id, name: s.name, rules: (s.events ?? []).length })),
        cards: cards.map((c) => ({ id: c.spec.id, stage: stages[c.spec.stage]!.name, lane: c.lane, text: c.text, rules: c.spec.events.length })),
      },
      figures, ...(comparison ? { comparison } : {}),
    };
    const out = flags.get('out')!;
    const bytes = /\.xlsx$/i.test(out) ? await journeyWorkbook(report, text) : new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
    try {
      writeFileSync(out, bytes);
    } catch (e) {
      throw new CliError(`${out} cannot be written (${(e as { code?: string }).code ?? String(e)}).`);
    }
    if (outcome.rejectedCount > 0) console.error(`warning: ${outcome.rejectedCount} rows were rejected (first: row ${outcome.rejected[0]!.row}, ${outcome.rejected[0]!.reason}); the report lists them.`);
    console.log(`${outcome.imported} events, ${figures.customers} customers, ${figures.completed} completed "${snapshot.name}"` +
      (outcome.duplicates > 0 ? `, ${outcome.duplicates} duplicates skipped` : '') + ` → ${out}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) { console.error(`error: ${e.message}\n${usage}`); return 2; }
    if (e instanceof CliError) { console.error(`error: ${e.message}`); return 1; }
    console.error(`error: unexpected failure (${e instanceof Error ? e.message : String(e)}); please report it.`);
    return 1;
  }
}
