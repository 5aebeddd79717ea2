/**
 * A plain k-prototypes over arrays of row objects, written from the textbook definition with no
 * typed arrays or index arithmetic: the tests run it from the same starting prototypes as the
 * optimised code and expect the same clusters and cost.
 */
export interface ReferenceRow { num: (number | null)[]; cat: (number | null)[] }
export interface ReferencePrototype { num: number[]; cat: (number | null)[] }

export function referenceDissimilarity(row: ReferenceRow, p: ReferencePrototype, gamma: number): number {
  let d = 0;
  row.num.forEach((x, j) => { if (x !== null) d += (x - p.num[j]!) ** 2; });
  row.cat.forEach((x, j) => { if (x !== null && x !== p.cat[j]) d += gamma; });
  return d;
}

export function referenceKPrototypes(rows: ReferenceRow[], start: ReferencePrototype[], gamma: number, maxIterations: number) {
  const prototypes = start.map((p) => ({ num: [...p.num], cat: [...p.cat] }));
  let assignments: number[] = rows.map(() => -1);
  for (let it = 0; it < maxIterations; it++) {
    const distances = rows.map((row) => prototypes.map((p) => referenceDissimilarity(row, p, gamma)));
    const next = distances.map((ds) => ds.indexOf(Math.min(...ds)));
    let changed = next.filter((c, i) => c !== assignments[i]).length;
    assignments = next;
    recompute(rows, assignments, prototypes);
    // Each row's distance to the prototype it was assigned to, before the prototypes moved.
    const own = rows.map((_, i) => distances[i]![assignments[i]!]!);
    prototypes.forEach((p, c) => {
      if (assignments.includes(c)) return;
      const worst = own.indexOf(Math.max(...own));
      p.num = rows[worst]!.num.map((x) => x ?? 0);
      p.cat = [...rows[worst]!.cat].map((x) => (x === null ? -1 : x));
      assignments[worst] = c;
      own[worst] = 0;
      changed++;
    });
    if (changed === 0) break;
  }
  recompute(rows, assignments, prototypes);
  const cost = rows.reduce((sum, row, i) => sum + referenceDissimilarity(row, prototypes[assignments[i]!]!, gamma), 0);
  return { assignments, cost, prototypes };
}

function recompute(rows: ReferenceRow[], assignments: number[], prototypes: ReferencePrototype[]): void {
  prototypes.forEach((p, c) => {
    const members = rows.filter((_, i) => assignments[i] === c);
    p.num = p.num.map((old, j) => {
      const present = members.map((m) => m.num[j]).filter((x): x is number => x !== null && x !== undefined);
      return present.length ? present.reduce((a, b) => a + b, 0) / present.length : old;
    });
    p.cat = p.cat.map((old, j) => {
      const counts = new Map<number, number>();
      for (const m of members) { const x = m.cat[j]; if (x !== null && x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1); }
      if (members.length === 0) return old;
      let best = -1, bestCount = 0;
      for (const [value, n] of [...counts].sort((a, b) => a[0] - b[0])) if (n > bestCount) { best = value; bestCount = n; }
      return best;
    });
  });
}
