import { posterAnalyticsOf, type PosterAnalytics, type PosterWords } from '../../../../common/export/posterAnalytics';
import type { JourneyMap } from '../../../../common/journey';
import { cardSpecsOf } from '../../../../common/journeyAnalytics/cards';
import { isEventDataset } from '../../../../common/journeyAnalytics/eventStore';
import type { Workspace } from '../../db/database';
import { activeLocale, translate } from '../../i18n';
import { acquireJourneyClient, logKeyOf } from '../../workers/sharedJourneyClient';
import { readChunks } from '../data/datasetStore';
import { parseHeader } from '../data/storedForm';

/**
 * The poster's funnel strip, heat row and touchpoint card figures for a journey whose map has an event log chosen and stage
 * rules; undefined otherwise (the poster prints without them). Computed in the journey worker the
 * journey screens share, so a log the map has decoded is not decoded again (and the export never
 * decodes one on the page's thread); the key is the map's, one per version of the log.
 */
export async function posterFigures(db: Workspace, map: JourneyMap): Promise<PosterAnalytics | undefined> {
  const id = map.analytics?.eventDatasetId;
  if (!id || !map.stages.some((s) => (s.events ?? []).length > 0)) return undefined;
  const doc = await db.datasets.findOne(id).exec();
  const parsed = doc ? parseHeader(doc.toJSON()) : null;
  if (!parsed?.ok || !isEventDataset(parsed.data)) return undefined;
  const header = parsed.data;
  const { client, release } = acquireJourneyClient();
  const key = logKeyOf(header);
  try {
    const loaded = await client.loadLog(key, async () => [{ header, chunks: await readChunks(db, header) }]);
    if (!loaded.ok) return undefined;
    const stages = map.stages.map((s) => ({ id: s.id, name: s.name, ...(s.events ? { events: s.events } : {}) }));
    const figures = await client.analyse(key, stages, { topPaths: 0, cards: cardSpecsOf(map) });
    const count = new Intl.NumberFormat(activeLocale());
    // Shares with one decimal, as the language writes a percentage ("57,1 %" in German).
    const share = new Intl.NumberFormat(activeLocale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return figures.ok ? posterAnalyticsOf(figures.data, header.name, posterWords(), (n) => count.format(n), (r) => (r === null ? '–' : share.format(r))) : undefined;
  } finally {
    release();
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
    ofStage: (rate) => translate('journeyAnalytics.card.ofStage', { rate }),
  };
}
