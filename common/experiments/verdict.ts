/**
 * The decision and the one-page memo text, readable by someone who never saw the app. The rule is
 * fixed and stated in words in the memo so the verdict can be checked by hand. The words follow an
 * `ExportText` (the app's language on screen and in the PDF; English by default).
 */
import { englishText, type ExportText } from '../i18n/exportText';
import type { Problem, Results } from './analyse';
import { effect, percent, pValue } from './memoNumbers';
import { higherIsBetter } from './model';
import type { Experiment } from './model';

export type VerdictKind = 'ship' | 'dont-ship' | 'keep-running';

export interface Verdict { kind: VerdictKind; title: string; arm: string | null; reasons: string[] }

/** The decision rule in words. */
export function decisionRule(e: Experiment, text: ExportText = englishText): string {
  return text.t('report.memo.rule', { direction: higherIsBetter(e.primaryMetric.kind) ? 'higher' : 'lower', alpha: text.fmt.number(e.alpha, 4) });
}

// Codes are kebab-case; ICU select keys cannot hold a hyphen.
const camelCode = (code: string) => code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** A data problem in words, as the results screen words it. */
export function problemText(p: Problem, text: ExportText = englishText): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.values)) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  return text.t('report.memo.problem', { ...values, code: camelCode(p.code), p: typeof p.values.p === 'number' ? pValue(text, p.values.p) : '' });
}

/** The verdict for `e` given its results, worded in `text`'s language. */
export function decide(e: Experiment, r: Results, text: ExportText = englishText): Verdict {
  const { t } = text;
  const verdict = (kind: VerdictKind, reasons: string[], arm: string | null = null): Verdict =>
    ({ kind, title: t('report.memo.verdict', { kind: kind === 'dont-ship' ? 'dontShip' : kind === 'ship' ? 'ship' : 'keepRunning', arm: arm ?? '' }), arm, reasons });
  const blocking = r.problems.filter((p) => p.blocking);
  const problems = blocking.map((p) => problemText(p, text));
  if (blocking.some((p) => p.code === 'srm' || p.code === 'split-changed' || p.code === 'crossover'))
    return verdict('dont-ship', [t('report.memo.reason.broken'), ...problems]);
  if (blocking.length || r.comparisons.length === 0)
    return verdict('keep-running', [t('report.memo.reason.noData'), ...problems]);
  const up = higherIsBetter(e.primaryMetric.kind) ? 1 : -1;
  const worseGuard = r.guardrails.filter((g) => g.worse);
  const verdicts = r.comparisons.map((c) => {
    const p = r.fixedValid ? c.test.holmP : c.sequential.holmP;
    const direction = Math.sign(c.difference.estimate) * up;
    return { c, significant: p < e.alpha, direction, p };
  });
  const winners = verdicts.filter((v) => v.significant && v.direction > 0 && !worseGuard.some((g) => g.arm === v.c.arm))
    .sort((a, b) => up * (b.c.difference.estimate - a.c.difference.estimate));
  const winner = winners[0];
  if (winner) {
    const c = winner.c;
    return verdict('ship', [
      t('report.memo.reason.ship', {
        arm: c.arm, metric: e.primaryMetric.kind === 'conversion' ? 'conversion' : 'other', effect: effect(text, e, c.difference.estimate, false),
        lower: effect(text, e, c.difference.lower, false), upper: effect(text, e, c.difference.upper, false), p: pValue(text, winner.p), basis: r.fixedValid ? 'fixed' : 'sequential',
      }),
      worseGuard.length ? t('report.memo.reason.guardsOthers', { list: worseGuard.map((g) => `${g.name} (${g.arm})`).join(', ') }) : t('report.memo.reason.noGuardWorse'),
    ], c.arm);
  }
  if (worseGuard.length) return verdict('dont-ship', worseGuard.map((g) => t('report.memo.reason.guardWorse', { name: g.name, arm: g.arm, treatment: percent(text, g.treatment), control: percent(text, g.control), p: pValue(text, g.p) })));
  const harmful = verdicts.filter((v) => v.significant && v.direction < 0);
  if (harmful.length) return verdict('dont-ship', harmful.map((v) => t('report.memo.reason.harmful', { arm: v.c.arm, effect: effect(text, e, v.c.difference.estimate, false), p: pValue(text, v.p) })));
  if (r.fixedValid) return verdict('dont-ship', [t('report.memo.reason.endedNoWin', { alpha: text.fmt.number(e.alpha, 4), power: r.comparisons.map((c) => t('report.memo.armPower', { arm: c.arm, power: percent(text, c.power, 0) })).join(', ') })]);
  return verdict('keep-running', [t('report.memo.reason.inconclusive')]);
}
