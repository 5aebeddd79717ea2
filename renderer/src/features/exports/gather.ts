import { mergedLiveMetrics } from '../../../../common/analytics/liveFigures';
import type { PersonaSnapshotDoc } from '../../../../common/analytics/snapshots';
import type { LiveMetricsInput } from '../../../../common/export/liveMetricsPdf';
import type { AssetImage } from '../../../../common/export/pdfImages';
import type { PersonaPdfPage } from '../../../../common/export/personaPdf';
import type { PersonaXlsxInput } from '../../../../common/export/personaXlsx';
import type { JourneyDoc } from '../../../../common/journey/journey';
import type { PersonaDoc } from '../../../../common/persona/document';
import type { PersonaVersion } from '../../../../common/persona/versions';
import type { Workspace } from '../../db/database';

/** Reads personas by id in the order given; missing ids are left out. */
export async function readPersonas(db: Workspace, ids: readonly string[]): Promise<PersonaDoc[]> {
  const found = await db.personas.findByIds([...ids]).exec();
  return ids.flatMap((id) => {
    const d = found.get(id);
    return d ? [d.toJSON() as unknown as PersonaDoc] : [];
  });
}

/** Reads a journey, or null when it is gone. */
export async function readJourney(db: Workspace, id: string): Promise<JourneyDoc | null> {
  const d = await db.journeys.findOne(id).exec();
  return d ? (d.toJSON() as unknown as JourneyDoc) : null;
}

async function snapshotsOf(db: Workspace, personaId: string): Promise<PersonaSnapshotDoc[]> {
  const docs = await db.snapshots.find({ selector: { entity: 'persona', entityId: personaId } }).exec();
  return docs.map((d) => d.toJSON() as unknown as PersonaSnapshotDoc);
}

/** The images personas refer to (photo and media sections), read from the assets collection once. */
export async function imagesFor(db: Workspace, personas: readonly PersonaDoc[]): Promise<[string, AssetImage][]> {
  const ids = new Set<string>();
  for (const p of personas) {
    if (p.photoAssetId) ids.add(p.photoAssetId);
    for (const s of p.sections) if (s.type === 'media' && typeof s.data.assetId === 'string') ids.add(s.data.assetId);
  }
  const found = await db.assets.findByIds([...ids]).exec();
  return [...found.values()].map((d) => {
    const a = d.toJSON() as unknown as AssetImage & { id: string };
    return [a.id, { mimeType: a.mimeType, data: a.data, ...(a.width ? { width: a.width } : {}), ...(a.height ? { height: a.height } : {}) }];
  });
}

/** A PDF page per persona with its live metrics merged over all snapshot days, as its canvas block shows them. */
export async function personaPages(db: Workspace, personas: readonly PersonaDoc[]): Promise<PersonaPdfPage[]> {
  return Promise.all(personas.map(async (persona) => ({ persona, metrics: liveMetricsOf(await snapshotsOf(db, persona.id), persona) })));
}

/** The live-metrics input of a persona's export from its snapshots (the same figures as the canvas). */
export function liveMetricsOf(snapshots: readonly PersonaSnapshotDoc[], persona: Pick<PersonaDoc, 'expectedMetrics'>): LiveMetricsInput {
  const merged = mergedLiveMetrics(snapshots);
  return { live: merged?.live ?? null, day: merged?.lastDay ?? null, firstDay: merged?.firstDay ?? null, targets: persona.expectedMetrics };
}

/** Everything the persona workbook shows. */
export async function personaWorkbookInput(db: Workspace, persona: PersonaDoc): Promise<PersonaXlsxInput> {
  const versions = await db.history.find({ selector: { entityId: persona.id, entity: 'persona', kind: 'version' } }).exec();
  return {
    persona,
    snapshots: await snapshotsOf(db, persona.id),
    versions: versions.map((d) => d.toJSON() as unknown as PersonaVersion),
  };
}
