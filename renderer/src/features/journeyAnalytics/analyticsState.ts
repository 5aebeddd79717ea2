import { createContext, useContext } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { JourneyChange } from '../../../../common/journey';
import type { CardFigures, JourneyFigures, StageSentiment } from '../../../../common/journeyAnalytics';
import type { LoadedLog } from '../../workers/journeyProtocol';
import type { HeatMeasure } from './heat';

/** What the map's analytics rows read: the figures of the chosen event log and how to show them. */
export interface MapAnalytics {
  log: LoadedLog;
  figures: JourneyFigures | null;
  measure: HeatMeasure;
  dispatch: (...changes: JourneyChange[]) => boolean;
  /** The survey joined to the log, when one is chosen: its number columns can be stage questions. */
  survey: DatasetHeaderDoc | null;
  /** Per stage, the sentiment of its question (null until computed or without a question). */
  sentiment: (StageSentiment | null)[] | null;
  /** Stage id → survey question key. */
  stageQuestions: Record<string, string>;
  /** Figures of the touchpoint cards with event rules, by card id (empty until computed). */
  cardFigures: ReadonlyMap<string, CardFigures>;
}

/** Set by the analytics panel around the map; null when no event log is chosen. */
export const MapAnalyticsContext = createContext<MapAnalytics | null>(null);

/** The map analytics in effect, or null. */
export function useMapAnalytics(): MapAnalytics | null {
  return useContext(MapAnalyticsContext);
}
