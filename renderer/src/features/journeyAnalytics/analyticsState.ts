import { createContext, useContext } from 'react';
import type { JourneyChange } from '../../../../common/journey';
import type { JourneyFigures } from '../../../../common/journeyAnalytics';
import type { LoadedLog } from '../../workers/journeyProtocol';
import type { HeatMeasure } from './heat';

/** What the map's analytics rows read: the figures of the chosen event log and how to show them. */
export interface MapAnalytics {
  log: LoadedLog;
  figures: JourneyFigures | null;
  measure: HeatMeasure;
  dispatch: (...changes: JourneyChange[]) => boolean;
}

/** Set by the analytics panel around the map; null when no event log is chosen. */
export const MapAnalyticsContext = createContext<MapAnalytics | null>(null);

/** The map analytics in effect, or null. */
export function useMapAnalytics(): MapAnalytics | null {
  return useContext(MapAnalyticsContext);
}
