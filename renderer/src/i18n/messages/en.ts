// The English catalogue: the source of every key. Each area's en.json is imported here, so a key
// used in code that no catalogue has fails `tsc` (MessageId is the union of these keys).
// Adding an area: one import and one spread below, nothing else (other locales load by file name).
import analytics from './analytics/en.json';
import app from './app/en.json';
import data from './data/en.json';
import drift from './drift/en.json';
import experiments from './experiments/en.json';
import exports from './exports/en.json';
import findPersonas from './findPersonas/en.json';
import journeys from './journeys/en.json';
import journeyAnalytics from './journeyAnalytics/en.json';
import journeyFlow from './journeyFlow/en.json';
import journeyMap from './journeyMap/en.json';
import personas from './personas/en.json';
import problems from './problems/en.json';
import runs from './runs/en.json';
import settings from './settings/en.json';
import simulator from './simulator/en.json';
import sync from './sync/en.json';

/** Every English message, by key. */
export const en = {
  ...analytics,
  ...app,
  ...data,
  ...drift,
  ...experiments,
  ...exports,
  ...findPersonas,
  ...journeys,
  ...journeyAnalytics,
  ...journeyFlow,
  ...journeyMap,
  ...personas,
  ...problems,
  ...runs,
  ...settings,
  ...simulator,
  ...sync,
};

/** A message key that exists in the English catalogue. */
export type MessageId = keyof typeof en;
