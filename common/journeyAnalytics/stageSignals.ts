/**
 * What survey answers and persona canvases say about a journey's stages: the sentiment of a question
 * mapped to a stage (mean and top-2-box), and which of a persona's goals and frustrations speak
 * about a stage, so a stage where the persona does worse than the rest can be read next to them.
 */
import type { TableColumn } from '../analytics/table';

/** Sentiment of one stage's question. */
export interface StageSentiment {
  /** Answers read (numbers only). */
  n: number;
  mean: number | null;
  /**
   * Share of answers in the top two points of the scale (e.g. 4–5 on 1–5, 9–10 on 0–10). The scale's
   * top is the highest answer given; null when answers are not whole numbers (no scale to speak of).
   */
  top2: number | null;
  /** The top of the scale used for top-2-box. */
  scaleTop: number | null;
}

/** Sentiment of a number column over the rows where `include(row)` holds (default: all rows). */
export function stageSentiment(column: TableColumn | undefined, rowCount: number, include?: (row: number) => boolean): StageSentiment | null {
  if (!column || column.type !== 'number') return null;
  let n = 0, sum = 0, top = -Infinity, whole = true;
  for (let row = 0; row < rowCount; row++) {
    const v = column.values[row]!;
    if (Number.isNaN(v) || (include && !include(row))) continue;
    n++; sum += v;
    if (v > top) top = v;
    if (!Number.isInteger(v)) whole = false;
  }
  if (n === 0) return { n: 0, mean: null, top2: null, scaleTop: null };
  let high = 0;
  if (whole) for (let row = 0; row < rowCount; row++) {
    const v = column.values[row]!;
    if (!Number.isNaN(v) && (!include || include(row)) && v >= top - 1) high++;
  }
  return { n, mean: sum / n, top2: whole ? high / n : null, scaleTop: whole ? top : null };
}

/** A goal or frustration from a persona's canvas. */
export interface CanvasItem {
  kind: 'goal' | 'frustration';
  text: string;
}

// Words too common to tie a canvas item to a stage.
const common = new Set(['about', 'after', 'again', 'also', 'been', 'before', 'being', 'does', 'doing', 'from', 'have', 'into', 'just', 'more', 'most', 'much', 'only', 'other', 'over', 'some', 'such', 'than', 'that', 'their', 'them', 'then', 'there', 'they', 'this', 'very', 'want', 'wants', 'what', 'when', 'which', 'while', 'will', 'with', 'without', 'would', 'your']);

/** The words of a text that can tie it to another: lower case, 4 letters or more, a plural "s" dropped. */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 4 || common.has(w)) continue;
    out.add(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

/**
 * Per stage, the canvas items sharing a keyword with the stage's own text (its name, description,
 * the cards in its column and the event names of its rules), with the words they share.
 */
export function canvasMeetsStages(items: readonly CanvasItem[], stageTexts: readonly string[]): { item: number; words: string[] }[][] {
  const itemWords = items.map((i) => keywords(i.text));
  return stageTexts.map((text) => {
    const stageWords = keywords(text);
    return itemWords.flatMap((words, item) => {
      const shared = [...words].filter((w) => stageWords.has(w));
      return shared.length > 0 ? [{ item, words: shared }] : [];
    });
  });
}

/** Per stage, the text a canvas item can meet: name, description, cards in its column, its rules' event names. */
export function stageTexts(map: { stages: readonly { id: string; name: string; description?: string; events?: readonly { values: readonly string[] }[] }[]; cells: Record<string, Record<string, readonly { text: string }[]>> }): string[] {
  return map.stages.map((s) => [
    s.name, s.description ?? '',
    ...Object.values(map.cells).flatMap((byStage) => (byStage[s.id] ?? []).map((c) => c.text)),
    ...(s.events ?? []).flatMap((r) => r.values.map((v) => v.replace(/[_.:-]+/g, ' '))),
  ].join('\n'));
}
