/**
 * Answer labels of rating scales, as SurveyMonkey exports them by default ("Actual answer text"):
 * "Very satisfied" instead of 5. A number column may carry a label → number mapping; it is
 * suggested here from the labels the file holds, shown in the import dialog, and the user can change
 * every number. Scales run from the least to the most favourable answer, 1 upwards, the way the
 * tools number them in their "numerical value" export.
 */

/** The scales recognised, each a list of label spellings per point (least favourable first). */
const knownScales: readonly (readonly (readonly string[])[])[] = [
  [['very dissatisfied', 'extremely dissatisfied'], ['dissatisfied', 'somewhat dissatisfied'], ['neither satisfied nor dissatisfied', 'neutral'], ['satisfied', 'somewhat satisfied'], ['very satisfied', 'extremely satisfied']],
  [['very unlikely', 'extremely unlikely', 'not at all likely'], ['unlikely', 'somewhat unlikely'], ['neither likely nor unlikely', 'neutral'], ['likely', 'somewhat likely'], ['very likely', 'extremely likely']],
  [['strongly disagree'], ['disagree'], ['neither agree nor disagree', 'neutral'], ['agree'], ['strongly agree']],
  [['strongly disagree'], ['disagree'], ['somewhat disagree'], ['neither agree nor disagree', 'neutral'], ['somewhat agree'], ['agree'], ['strongly agree']],
  [['very difficult', 'extremely difficult'], ['difficult', 'somewhat difficult'], ['neither easy nor difficult', 'neutral'], ['easy', 'somewhat easy'], ['very easy', 'extremely easy']],
  [['poor'], ['fair'], ['good'], ['very good'], ['excellent']],
  [['very poor'], ['poor'], ['fair', 'average'], ['good'], ['very good']],
  [['not at all'], ['slightly', 'a little'], ['moderately', 'somewhat'], ['very', 'very much'], ['extremely', 'completely']],
];

/** Most labels a mapping holds (a scale has a handful; a free-text column is not a scale). */
export const maxLabels = 20;

/** The key a label is looked up by: case, spaces and curly apostrophes do not matter. */
export function labelKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

/**
 * The label → number mapping of the known scale that holds every label in `values` (numbers and
 * empty cells are ignored), or null when there are no labels or no one scale holds them all.
 * The smallest scale that fits wins (a 5-point agreement scale before the 7-point one).
 */
export function suggestLabels(values: readonly string[], isNumber: (text: string) => boolean): Record<string, number> | null {
  // Each label by its key, spelled as the file first wrote it.
  const labels = new Map<string, string>();
  for (const v of values) {
    if (v.trim() === '' || isNumber(v)) continue;
    const key = labelKey(v);
    if (!labels.has(key)) labels.set(key, v.trim().replace(/\s+/g, ' '));
    if (labels.size > maxLabels) return null;
  }
  if (labels.size === 0) return null;
  for (const scale of knownScales) {
    const points = new Map<string, number>();
    scale.forEach((spellings, i) => spellings.forEach((s) => points.set(s, i + 1)));
    if (![...labels.keys()].every((l) => points.has(l))) continue;
    // The file's own labels, plus the usual spelling of each point the sample does not show yet
    // (a later row may hold it), least favourable first.
    const out: Record<string, number> = {};
    scale.forEach((spellings, i) => {
      const seen = [...labels].filter(([key]) => points.get(key) === i + 1).map(([, text]) => text);
      for (const text of seen.length > 0 ? seen : [capitalise(spellings[0]!)]) out[text] = i + 1;
    });
    return out;
  }
  return null;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Checks a user-given label mapping; returns the problem as a sentence, or null. */
export function labelProblem(labels: unknown): string | null {
  if (labels === undefined) return null;
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return 'labels must map answer text to numbers.';
  const entries = Object.entries(labels as Record<string, unknown>);
  if (entries.length > maxLabels) return `labels can hold at most ${maxLabels} answers.`;
  for (const [label, n] of entries) {
    if (labelKey(label) === '') return 'a label is empty.';
    if (typeof n !== 'number' || !Number.isFinite(n)) return `the label "${label.slice(0, 40)}" needs a number.`;
  }
  return null;
}

/** A lookup from label text to number for a checked mapping. */
export function labelLookup(labels: Readonly<Record<string, number>>): (text: string) => number | undefined {
  const map = new Map<string, number>();
  for (const [label, n] of Object.entries(labels)) map.set(labelKey(label), n);
  return (text) => map.get(labelKey(text));
}
