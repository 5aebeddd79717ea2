import type { JourneyMap, Lane } from '../journey/mapModel';

/**
 * A generated map of `stages` × `lanes` (card lanes with an emotion and a metric lane among them),
 * for poster tests and the benchmark. Deterministic, so sizes compare run to run.
 */
export function largeJourneyMap(stages: number, lanes: number): JourneyMap {
  const palette = ['#4f46e5', '#0891b2', '#16a34a', '#ca8a04', '#dc2626'];
  const st = Array.from({ length: stages }, (_, i) => ({ id: `st${i + 1}`, name: `Stage ${i + 1}`, colour: palette[i % palette.length] ?? '#4f46e5', momentOfTruth: i % 7 === 3 }));
  const ln: Lane[] = [];
  const cells: JourneyMap['cells'] = {};
  for (let l = 1; l <= lanes; l++) {
    const id = `ln${l}`;
    if (l === 2) {
      ln.push({ id, type: 'emotion', name: `Lane ${l}`, scale: 'bipolar', curves: [
        { id: 'c1', variant: 'as-is', label: 'Today', colour: '#dc2626', points: Object.fromEntries(st.map((s, i) => [s.id, Math.round(2 * Math.sin(i / 2))])) },
      ] });
    } else if (l === 3) {
      ln.push({ id, type: 'metric', name: `Lane ${l}`, metric: 'csat', unit: '%', values: Object.fromEntries(st.map((s, i) => [s.id, { value: 60 + (i % 30), target: 75, trend: 'up' as const }])) });
    } else {
      ln.push({ id, type: l % 2 ? 'pains' : 'actions', name: `Lane ${l}` });
      cells[id] = Object.fromEntries(st.map((s, i) => [s.id, [{ id: `c${l}_${i}`, text: `Customer does step ${i + 1} of lane ${l} and wants it quick` }]]));
    }
  }
  return { stages: st, lanes: ln, cells };
}
