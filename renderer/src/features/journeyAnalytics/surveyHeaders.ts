import { useMemo } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { isEventDataset } from '../../../../common/journeyAnalytics/eventStore';
import type { LiveQuery } from '../../db/hooks';

/** The survey datasets of a header query, without event logs; the list keeps its identity while nothing changes. */
export function useSurveyHeaders(query: LiveQuery<DatasetHeaderDoc>): LiveQuery<DatasetHeaderDoc> {
  return useMemo(() => ({ ...query, items: query.items.filter((h) => !isEventDataset(h)) }), [query]);
}
