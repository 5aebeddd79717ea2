/**
 * Mapping rules for a cluster, so the existing match scoring recovers it: a range over the middle
 * 80 % of each number the cluster is shifted on, the few answers that cover most of the cluster for a
 * choice it favours, and each multi-choice option most of the cluster picks. Then the rules are
 * scored with the app's engine and the share of the cluster that scores strong against its own
 * rules is reported (and the share of everyone else, so a rule set that matches all is visible).
 */
import { codesAtLeast, scorePersona } from '../analytics/kernels';
import { strongPercent } from '../analytics/fraction';
import type { Rule } from '../analytics/rules';
import type { Table } from '../analytics/table';
import type { Features } from './features';
import type { ClusterProfile } from './profile';

export const maxDerivedRules = 8;

/** The derived rules of each cluster (ids `r1`, `r2`…). */
export function deriveRules(f: Features, assignments: Int32Array, profiles: ClusterProfile[]): Rule[][] {
  return profiles.map((profile) => {
    const candidates: { strength: number; rule: Rule }[] = [];
    for (const n of profile.numbers) {
      if (Math.abs(n.shift) < 0.5) continue;
      candidates.push({ strength: Math.abs(n.shift), rule: { id: '', kind: 'range', column: n.column, min: round(n.p10), max: round(n.p90) } });
    }
    const nCat = f.categorical.length;
    f.categorical.forEach((feature, j) => {
      const counts = new Int32Array(feature.dict.length), all = new Int32Array(feature.dict.length);
      let answered = 0, allAnswered = 0;
      for (let r = 0; r < f.rows; r++) {
        const x = f.cat[r * nCat + j]!;
        if (x < 0) continue;
        all[x]!++;
        allAnswered++;
        if (assignments[r] === profile.cluster) { counts[x]!++; answered++; }
      }
      if (answered === 0) return;
      if (feature.option !== undefined) {
        const share = counts[1]! / answered, lift = share / (all[1]! / allAnswered);
        if (share >= 0.6 && lift >= 1.3) candidates.push({ strength: lift, rule: { id: '', kind: 'overlap', column: feature.column, values: [feature.option] } });
        return;
      }
      const order = [...counts.keys()].sort((a, b) => counts[b]! - counts[a]! || a - b);
      const chosen: number[] = [];
      let covered = 0, coveredAll = 0;
      for (const v of order) {
        if (covered / answered >= 0.8 || chosen.length === 3) break;
        chosen.push(v);
        covered += counts[v]!;
        coveredAll += all[v]!;
      }
      const lift = covered / answered / (coveredAll / allAnswered);
      if (covered / answered >= 0.6 && lift >= 1.2) candidates.push({ strength: lift, rule: { id: '', kind: 'oneOf', column: feature.column, values: chosen.map((v) => feature.dict[v]!) } });
    });
    return candidates
      .sort((a, b) => b.strength - a.strength)
      .slice(0, maxDerivedRules)
      .map((c, i) => ({ ...c.rule, id: `r${i + 1}` }));
  });
}

/** Share of the cluster (and of everyone else) scoring strong (≥ 70 %) against the rules. */
export function recovery(table: Table, rules: Rule[], assignments: Int32Array, cluster: number): { strongInCluster: number; strongElsewhere: number } {
  if (rules.length === 0) return { strongInCluster: 0, strongElsewhere: 0 };
  const scores = scorePersona(table, rules);
  const strong = codesAtLeast(scores, strongPercent);
  let inside = 0, insideStrong = 0, outside = 0, outsideStrong = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const s = strong[scores.codes[r]!]!;
    if (assignments[r] === cluster) { inside++; insideStrong += s; } else { outside++; outsideStrong += s; }
  }
  return { strongInCluster: inside ? insideStrong / inside : 0, strongElsewhere: outside ? outsideStrong / outside : 0 };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
