/**
 * `cluster`: find personas in a survey export and write them as persona drafts in the app's persona
 * file format (`cx-studio.personas`, importable on the Personas screen), with the same importer and
 * clustering code as the app. Prints the evidence for k and, per draft, its size, what sets it
 * apart and how much of it scores strong against its derived rules.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeDatasets, type Table } from '../common/analytics/table';
import { isTimeZone } from '../common/analytics/days';
import { findPersonas } from '../common/clustering/findPersonas';
import { ClusteringStopped } from '../common/clustering/kprototypes';
import { personaDraft } from '../common/clustering/drafts';
import { profileClusters } from '../common/clustering/profile';
import { deriveRules, recovery } from '../common/clustering/rules';
import { importDataset, previewImport } from '../common/import/importer';
import type { ColumnMapping } from '../common/import/mapping';
import { createEnvelope, serializeEnvelope } from '../common/persona/envelope';
import { newId } from '../common/persona/ids';
import { readResponses } from './files';
import { CliError } from './personas';

const usage = 'Usage: cx-studio cluster <responses.csv|xlsx> --columns <col,col,…> [--text <col,…>] [--k auto|N] [--seed N] [--tz <zone>] [--date-order mdy|dmy] --out <drafts.json>';
const flagNames = ['columns', 'text', 'k', 'seed', 'tz', 'date-order', 'out'];

class UsageError extends Error {}

interface ClusterArgs { file: string; columns: string[]; text: string[]; k: number | 'auto'; seed: number; tz: string; dateOrder?: 'mdy' | 'dmy'; out: string }

function parse(argv: string[]): ClusterArgs {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const name = arg.slice(2);
    if (!flagNames.includes(name)) throw new UsageError(`Unknown option ${arg}.`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
    flags.set(name, value);
  }
  if (positional.length !== 1) throw new UsageError('Give exactly one responses file.');
  const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const columns = list(flags.get('columns'));
  if (columns.length === 0) throw new UsageError('--columns is required: the columns to group respondents by, separated by commas.');
  const out = flags.get('out');
  if (!out || !/\.json$/i.test(out)) throw new UsageError('--out is required and must end in .json (a persona file the app imports).');
  const kText = flags.get('k') ?? 'auto';
  const k = kText === 'auto' ? 'auto' : Number(kText);
  if (k !== 'auto' && !(Number.isInteger(k) && k >= 2 && k <= 12)) throw new UsageError(`--k must be auto or a whole number from 2 to 12, not "${kText}".`);
  const seed = Number(flags.get('seed') ?? '1');
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed must be a whole number.');
  const tz = flags.get('tz') ?? 'UTC';
  if (!isTimeZone(tz)) throw new UsageError(`--tz "${tz}" is not a time zone.`);
  const order = flags.get('date-order');
  if (order !== undefined && order !== 'mdy' && order !== 'dmy') throw new UsageError(`--date-order must be mdy or dmy, not "${order}".`);
  return { file: positional[0]!, columns, text: list(flags.get('text')), k, seed, tz, out, ...(order ? { dateOrder: order } : {}) };
}

/**
 * The import mapping: the app's suggestion, plus every named column that it does not map, stored
 * under a key made from its header with the type its sample suggests. Names are headers (or the
 * attribute keys of the suggestion); an unknown name is an error that lists the headers.
 */
async function mappingFor(bytes: Uint8Array, fileName: string, names: string[], tz: string): Promise<{ mapping: ColumnMapping; keyOf: Map<string, string> }> {
  const preview = await previewImport(bytes, fileName, tz);
  if (!preview.ok) throw new CliError(preview.message);
  const { headers } = preview.data.shape;
  const columns = [...preview.data.suggested.columns];
  const keyOf = new Map<string, string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    const mapped = columns.find((c) => c.key.toLowerCase() === lower || c.sources.some((s) => String(s).toLowerCase() === lower));
    if (mapped) { keyOf.set(name, mapped.key); continue; }
    const index = headers.findIndex((h) => h.toLowerCase() === lower);
    if (index < 0) throw new CliError(`Column "${name}" is not in ${fileName}. Its columns: ${headers.slice(0, 40).join(', ')}${headers.length > 40 ? ', …' : ''}.`);
    const key = uniqueKey(headers[index]!, columns.map((c) => c.key));
    columns.push({ key, type: preview.data.inferredTypes[index] ?? 'category', sources: [headers[index]!], label: headers[index]! });
    keyOf.set(name, key);
  }
  return { mapping: { columns }, keyOf };
}

/** A stored key from a header: letters and digits kept, the rest as "_", unique among `taken`. */
function uniqueKey(header: string, taken: string[]): string {
  const base = header.normalize('NFKD').replace(/[^A-Za-z0-9_.:-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'column';
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

/** Runs `cluster` and returns the exit code. */
export async function clusterMain(argv: string[]): Promise<number> {
  try {
    const args = parse(argv);
    const name = basename(args.file);
    const bytes = readResponses(args.file);
    const mapping = await mappingFor(bytes, name, [...args.columns, ...args.text], args.tz);
    const imported = await importDataset(bytes, { fileName: name, now: Date.now(), datasetId: 'cli', timeZone: args.tz, mapping: mapping.mapping, ...(args.dateOrder ? { dateOrder: args.dateOrder } : {}) });
    if (!imported.ok) throw new CliError(imported.message);
    for (const w of imported.data.warnings) console.error(`warning: ${w}`);
    const columns = args.columns.map((c) => mapping.keyOf.get(c)!);
    const text = args.text.map((c) => mapping.keyOf.get(c)!);
    const table: Table = decodeDatasets([{ header: imported.data.header, chunks: imported.data.chunks }]);
    let found;
    try {
      found = await findPersonas(table, { columns, seed: args.seed, ...(args.k === 'auto' ? {} : { k: args.k }) });
    } catch (e) {
      if (e instanceof RangeError || e instanceof ClusteringStopped) throw new CliError(e.message);
      throw e;
    }
    for (const p of found.problems) console.error(`warning: ${p.message}`);
    const profiles = profileClusters(table, found.features, found.proposed, { gamma: found.gamma, textColumns: text });
    const rules = deriveRules(found.features, found.proposed.assignments, profiles);
    const now = Date.now();
    const drafts = profiles.map((p) => personaDraft(p, rules[p.cluster]!, { datasetName: name, responses: table.rowCount }, { ids: newId, now, author: 'cx-studio cluster' }, text));
    try {
      writeFileSync(args.out, serializeEnvelope(createEnvelope(drafts, now)));
    } catch (e) {
      throw new CliError(`${args.out} cannot be written (${(e as { code?: string }).code ?? String(e)}).`);
    }
    console.log(`k  silhouette${found.evidence.map((e) => `\n${String(e.k).padStart(2)}  ${e.silhouette.toFixed(3)}${e.k === found.proposed.k ? '  ← proposed' : ''}`).join('')}`);
    for (const p of profiles) {
      const r = recovery(table, rules[p.cluster]!, found.proposed.assignments, p.cluster);
      const apart = p.over.slice(0, 3).map((o) => `${o.column} = ${o.value} (×${o.lift.toFixed(1)})`).join('; ');
      console.log(`${drafts[p.cluster]!.name}: ${p.size} respondents; ${apart || 'no answer stands out'}; ${rules[p.cluster]!.length} rules, ${Math.round(r.strongInCluster * 100)} % of the group scores strong (${Math.round(r.strongElsewhere * 100)} % of the rest)`);
    }
    console.log(`Wrote ${drafts.length} persona drafts to ${args.out}.`);
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
