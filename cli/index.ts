/**
 * CX Studio command line: `npm run cli -- analyze <responses.csv|xlsx> --personas <personas.json>
 * [--map <mapping.json>] [--tz <IANA zone>] [--date-order mdy|dmy] [--lang <language>] --out <report.json|xlsx|pdf>`. Expected
 * failures print one line on stderr and exit with 1 (2 for usage errors); no stack traces. Warnings
 * (ambiguous dates, unreadable values) print on stderr and do not change the exit code.
 */
import { basename } from 'node:path';
import { isTimeZone } from '../common/analytics/days';
import { runAnalyze } from './analyze';
import { clusterMain } from './cluster';
import { openResponses, read } from './files';
import { journeyMain } from './journey';
import { langText } from './lang';
import { CliError } from './personas';
import type { ExportText } from '../common/i18n/exportText';

const usage = 'Usage: cx-studio analyze <responses.csv|xlsx> --personas <personas.json> [--map <mapping.json>] [--tz <zone>] [--date-order mdy|dmy] [--lang en|ar|fr|es|de|pt-BR|ja|zh-CN|hi] --out <report.json|xlsx|pdf>';

class UsageError extends Error {}

function parseArgs(argv: string[]): { command: string; file: string; flags: Map<string, string>; text: ExportText } {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (!['personas', 'map', 'out', 'tz', 'date-order', 'lang'].includes(name)) throw new UsageError(`Unknown option ${arg}.`);
      const value = rest[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
      flags.set(name, value);
    } else positional.push(arg);
  }
  if (command !== 'analyze') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  if (positional.length !== 1) throw new UsageError('Give exactly one responses file.');
  for (const required of ['personas', 'out']) if (!flags.has(required)) throw new UsageError(`--${required} is required.`);
  if (!/\.(json|xlsx|pdf)$/i.test(flags.get('out')!)) throw new UsageError('--out must end in .json, .xlsx or .pdf.');
  const lang = langText(flags.get('lang'));
  if (!lang.ok) throw new UsageError(lang.message);
  const tz = flags.get('tz');
  if (tz !== undefined && !isTimeZone(tz)) throw new UsageError(`--tz "${tz}" is not a time zone.`);
  const order = flags.get('date-order');
  if (order !== undefined && order !== 'mdy' && order !== 'dmy') throw new UsageError(`--date-order must be mdy (03/05/2024 is 5 March) or dmy (3 May), not "${order}".`);
  return { command, file: positional[0]!, flags, text: lang.text };
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'journey') return journeyMain(argv.slice(1));
  if (argv[0] === 'cluster') return clusterMain(argv.slice(1));
  try {
    const { file, flags, text } = parseArgs(argv);
    const map = flags.get('map');
    const out = flags.get('out')!;
    const order = flags.get('date-order');
    const personaText = read(flags.get('personas')!).toString('utf8');
    const mapText = map ? read(map).toString('utf8') : null;
    const responses = openResponses(file);
    let result: Awaited<ReturnType<typeof runAnalyze>>;
    try {
      result = await runAnalyze({
        responses: { name: basename(file), data: responses.source },
        personas: { name: basename(flags.get('personas')!), text: personaText },
        ...(map && mapText !== null ? { map: { name: basename(map), text: mapText } } : {}),
        out, timeZone: flags.get('tz') ?? 'UTC', now: Date.now(), text, ...(order === 'mdy' || order === 'dmy' ? { dateOrder: order } : {}),
      });
    } finally {
      responses.close();
    }
    const { summary, warnings } = result;
    for (const w of warnings) console.error(`warning: ${w}`);
    console.log(summary);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}\n${usage}`);
      return 2;
    }
    if (e instanceof CliError) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    console.error(`error: unexpected failure (${e instanceof Error ? e.message : String(e)}); please report it.`);
    return 1;
  }
}

if (process.argv[1] && /cli[\\/]index\.ts$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
