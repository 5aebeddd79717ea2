import { posterAnalyticsOf, type PosterAnalytics, type PosterWords } from '../../../../common/export/posterAnalytics';
import type { JourneyMap } from '../../../../common/journey';
import { isEventDataset } from '../../../../common/journeyAnalytics/eventStore';
import type { Workspace } from '../../db/database';
import { activeLocale, translate } from '../../i18n';
import { createJourneyClient } from '../../workers/journeyClient';
import { readChunks } from '../data/datasetStore';
import { parseHeader } from '../data/storedForm';

/**
 * The poster's funnel strip and heat row for a journey whose map has an event log chosen and stage
 * rules; undefined otherwise (the poster prints without them). Computed in a journey worker of its
 * own, ended as soon as the figures are back, so the export never decodes a log on the page's thread.
 */
export async function posterFigures(db: Workspace, map: JourneyMap): Promise<PosterAnalytics | undefined> {
  const id = map.analytics?.eventDatasetId;
  if (!id || !map.stages.some((s) => (s.events ?? []).length > 0)) return undefined;
  const doc = await db.datasets.findOne(id).exec();
  const parsed = doc ? parseHeader(doc.toJSON()) : null;
  if (!parsed?.ok || !isEventDataset(parsed.data)) return undefined;
  const header = parsed.data;
  const client = createJourneyClient();
  try {
    const loaded = await client.load(`poster:${id}`, [{ header, chunks: await readChunks(db, header) }]);
    if (!loaded.ok) return undefined;
    const stages = map.stages.map((s) => ({ id: s.id, name: s.name, ...(s.events ? { events: s.events } : {}) }));
    const figures = await client.analyse(`poster:${id}`, stages, { topPaths: 0 });
    const count = new Intl.NumberFormat(activeLocale());
    return figures.ok ? posterAnalyticsOf(figures.data, header.name, posterWords(), (n) => count.format(n)) : undefined;
  } finally {
    client.dispose();
  }
}

/** The rows' words in the language the app shows. */
function posterWords(): PosterWords {
  return {
    funnel: translate('journeyAnalytics.poster.funnel'),
    dropOff: translate('journeyAnalytics.poster.dropOff'),
    heatNote: translate('journeyAnalytics.poster.heatNote'),
    started: translate('journeyAnalytics.poster.started'),
    ofPrevious: (rate) => translate('journeyAnalytics.poster.ofPrevious', { rate }),
  };
}
