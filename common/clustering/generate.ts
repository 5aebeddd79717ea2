/**
 * Survey data with planted personas, for tests and the benchmark: each persona has its own typical
 * numbers (age, spend…), a favourite answer per single-choice question, likely options per
 * multi-choice question and its own phrases in open text; every respondent is drawn from one
 * persona with noise and some missing answers. Seeded, so a test sees the same data every run.
 */
import { cellValue, type Table, type TableColumn } from '../analytics/table';
import { seededRandom } from '../random';

export interface PlantedOptions {
  rows: number;
  personas: number;
  seed: number;
  numbers?: number;
  choices?: number;
  multis?: number;
  /** Probability that a respondent gives their persona's answer to a choice question; default 0.7. */
  fidelity?: number;
  /** Share of answers left blank; default 0.03. */
  missing?: number;
  /** Add an open-text column with persona-specific phrases. */
  text?: boolean;
}

const choiceOptions = 5;
const multiOptions = 8;
const phrasesByPersona = [
  ['too many forms', 'waiting on hold', 'slow delivery'],
  ['hidden fees', 'confusing prices', 'surprise charges'],
  ['app keeps crashing', 'login problems', 'lost my basket'],
  ['rude staff', 'nobody called back', 'long queues'],
  ['great value', 'friendly service', 'fast checkout'],
  ['missing sizes', 'out of stock', 'wrong item sent'],
];
const fillers = ['the', 'service', 'was', 'and', 'really', 'again', 'today', 'my', 'order'];

/** A table of planted personas and each row's true persona. */
export function plantedSurvey(options: PlantedOptions): { table: Table; labels: Int32Array; columns: string[] } {
  const { rows, personas, seed } = options;
  const nNum = options.numbers ?? 4, nChoice = options.choices ?? 4, nMulti = options.multis ?? 2;
  const fidelity = options.fidelity ?? 0.7, missing = options.missing ?? 0.03;
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // Persona centres: numbers spread 1.6 SD apart, favourite answers drawn per persona.
  const numCentre = Array.from({ length: personas }, () => Array.from({ length: nNum }, () => (random() - 0.5) * 4));
  const favourite = Array.from({ length: personas }, () => Array.from({ length: nChoice }, () => Math.floor(random() * choiceOptions)));
  const likely = Array.from({ length: personas }, () => Array.from({ length: nMulti }, () => new Set([0, 1, 2].map(() => Math.floor(random() * multiOptions)))));
  const labels = new Int32Array(rows);
  const columns = new Map<string, TableColumn>();
  const nums = Array.from({ length: nNum }, () => new Float64Array(rows));
  const choices = Array.from({ length: nChoice }, () => new Int32Array(rows));
  const multiCodes = Array.from({ length: nMulti }, () => [] as number[]);
  const multiOffsets = Array.from({ length: nMulti }, () => new Uint32Array(rows + 1));
  const texts: (string | null)[] = [];
  const ids: (string | null)[] = [];
  for (let r = 0; r < rows; r++) {
    const p = Math.floor(random() * personas);
    labels[r] = p;
    ids.push(`R_${r + 1}`);
    for (let j = 0; j < nNum; j++) nums[j]![r] = random() < missing ? Number.NaN : Math.round((40 + 10 * (numCentre[p]![j]! + gauss())) * 10) / 10;
    for (let j = 0; j < nChoice; j++) choices[j]![r] = random() < missing ? -1 : random() < fidelity ? favourite[p]![j]! : Math.floor(random() * choiceOptions);
    for (let j = 0; j < nMulti; j++) {
      if (random() >= missing) for (let o = 0; o < multiOptions; o++) if (random() < (likely[p]![j]!.has(o) ? 0.75 : 0.1)) multiCodes[j]!.push(o);
      multiOffsets[j]![r + 1] = multiCodes[j]!.length;
    }
    if (options.text) {
      const own = phrasesByPersona[p % phrasesByPersona.length]!;
      const words = [fillers[Math.floor(random() * fillers.length)]!, own[Math.floor(random() * own.length)]!, fillers[Math.floor(random() * fillers.length)]!];
      texts.push(random() < 0.8 ? words.join(' ') : null);
    }
  }
  const names: string[] = [];
  columns.set('respondentId', { type: 'id', values: ids });
  nums.forEach((values, j) => { names.push(`score${j + 1}`); columns.set(`score${j + 1}`, { type: 'number', values }); });
  choices.forEach((codes, j) => {
    names.push(`choice${j + 1}`);
    columns.set(`choice${j + 1}`, { type: 'category', dict: Array.from({ length: choiceOptions }, (_, o) => `Answer ${String.fromCharCode(65 + o)}`), codes });
  });
  multiCodes.forEach((codes, j) => {
    names.push(`multi${j + 1}`);
    columns.set(`multi${j + 1}`, { type: 'multi', dict: Array.from({ length: multiOptions }, (_, o) => `Option ${o + 1}`), offsets: multiOffsets[j]!, codes: Int32Array.from(codes) });
  });
  if (options.text) columns.set('comment', { type: 'text', values: texts });
  const table: Table = { rowCount: rows, columns, datasetIds: ['planted'], datasetOfRow: new Uint16Array(rows), waveIds: ['w1'], waveOfRow: new Uint32Array(rows) };
  return { table, labels, columns: names };
}

/** The table as a CSV export (multi-choice answers joined by ";"), for the command line and import tests. */
export function plantedCsv(table: Table): string {
  const keys = [...table.columns.keys()];
  const cell = (v: string | number | string[] | null) => {
    const s = v === null ? '' : Array.isArray(v) ? v.join(';') : String(v);
    return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [keys.join(',')];
  for (let r = 0; r < table.rowCount; r++) lines.push(keys.map((k) => cell(cellValue(table.columns.get(k), r))).join(','));
  return lines.join('\n') + '\n';
}
