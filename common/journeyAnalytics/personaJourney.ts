/**
 * Per persona, how its customers go through a journey, set against everyone else in the log: reach,
 * completion, the stage where most of them stop, time to complete, and the stages where the
 * persona converts significantly worse than the rest (Newcombe's 95 % interval of the difference lies
 * wholly below zero). Built from {@link GroupFunnel}s, so the optimised pass and the reference feed
 * the same derivation.
 */
import type { GroupFunnel } from './groupFunnels';
import { proportionDifference } from './stats';
import type { DurationSummary } from './types';

/** A difference of two rates (persona − rest) with its 95 % interval; null when a side has no one. */
export type Difference = { difference: number; low: number; high: number } | null;

/** One persona's row. */
export interface PersonaJourneyRow {
  personaId: string;
  name: string;
  /** Customers of the persona found in the log. */
  customers: number;
  /** Per stage: reached in order. */
  reach: number[];
  /** Per stage: stopped there (furthest stage in order). */
  dropOff: number[];
  completed: number;
  /** completed / reached the first stage. */
  completionRate: number | null;
  /** Completion rate, persona − rest. */
  completionVsRest: Difference;
  /** The stage (not the last) where most of the persona's starters stop; null when none stop. */
  dropOffStage: number | null;
  timeToComplete: DurationSummary;
  /** Per stage: conversion from the previous stage, persona − rest (null for the first stage). */
  conversionVsRest: Difference[];
  /** Stages where the persona's conversion is significantly below the rest's. */
  belowStages: number[];
}

/** The persona table of a journey. */
export interface PersonaJourneyTable {
  rows: PersonaJourneyRow[];
  /** Personas with the highest and lowest completion among those with at least `minStarters` starters (ids). */
  best: string | null;
  worst: string | null;
  minStarters: number;
}

/** Fewest starters a persona needs to be ranked best or worst: below it a rate says little. */
export const minStartersToRank = 10;

/** Builds the table from `funnels` (one per persona in `personas` order, then the whole log). */
export function personaJourneyTable(funnels: readonly GroupFunnel[], personas: readonly { id: string; name: string }[]): PersonaJourneyTable {
  if (funnels.length !== personas.length + 1) throw new Error(`${funnels.length} funnels for ${personas.length} personas and the whole log`);
  const all = funnels[personas.length]!;
  const rows = personas.map((p, g): PersonaJourneyRow => {
    const f = funnels[g]!;
    const rest = (s: number) => all.reach[s]! - f.reach[s]!;
    const k = f.reach.length;
    const starters = f.reach[0] ?? 0, restStarters = k > 0 ? rest(0) : 0;
    const conversionVsRest = f.reach.map((r, s) => (s === 0 ? null : proportionDifference(r, f.reach[s - 1]!, rest(s), rest(s - 1))));
    let dropOffStage: number | null = null;
    f.dropOff.forEach((d, s) => { if (d > 0 && (dropOffStage === null || d > f.dropOff[dropOffStage]!)) dropOffStage = s; });
    return {
      personaId: p.id, name: p.name, customers: f.customers, reach: f.reach, dropOff: f.dropOff,
      completed: f.completed, completionRate: starters > 0 ? f.completed / starters : null,
      completionVsRest: k > 0 ? proportionDifference(f.completed, starters, all.completed - f.completed, restStarters) : null,
      dropOffStage, timeToComplete: f.timeToComplete, conversionVsRest,
      belowStages: conversionVsRest.flatMap((d, s) => (d && d.high < 0 ? [s] : [])),
    };
  });
  const ranked = rows.filter((r) => (r.reach[0] ?? 0) >= minStartersToRank && r.completionRate !== null)
    .sort((a, b) => b.completionRate! - a.completionRate! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    rows,
    best: ranked.length >= 2 ? ranked[0]!.personaId : null,
    worst: ranked.length >= 2 ? ranked[ranked.length - 1]!.personaId : null,
    minStarters: minStartersToRank,
  };
}
