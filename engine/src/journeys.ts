import { buildProgram } from '../../common/flowEngine';
import type { FlowProgram, JourneyLookup, JourneyRef } from '../../common/flowEngine';
import type { JourneyControlDoc } from '../../common/journeyRuns/docs';
import type { JourneyFlow } from '../../common/journey/flowModel';
import { publishedEntryId } from '../../common/journey/versions';
import type { CouchDb, StoredDoc } from './couch';

/**
 * The tenant's journeys as the engine needs them: which are published at which version, their
 * pause/kill state, and each (journey, version) prepared once as a program. Published versions are
 * immutable `history` documents, so a cached program never goes stale; a new version only changes
 * which version new runs start on.
 */

interface JourneyRow extends StoredDoc { status?: string; publishedVersion?: number; name?: string }
interface HistoryRow extends StoredDoc { snapshot?: { flow?: JourneyFlow }; createdAt?: number }

/** Reads and caches journeys, versions and controls. */
export class JourneyDirectory implements JourneyLookup {
  private journeys = new Map<string, JourneyRow>();
  private readonly controls = new Map<string, JourneyControlDoc>();
  private readonly programs = new Map<string, FlowProgram>();
  private readonly missing = new Map<string, number>();
  private readonly publishedAt = new Map<string, number>();

  constructor(private readonly journeysDb: CouchDb, private readonly historyDb: CouchDb) {}

  /** Reloads the journey list (small: one document per journey). */
  async refresh(): Promise<void> {
    const rows = await this.journeysDb.all<JourneyRow>('', '\ufff0');
    this.journeys = new Map(rows.filter((r) => !r._id.startsWith('_design/')).map((r) => [r._id, r]));
  }

  /** Ids of every journey in the tenant. */
  journeyIds(): string[] {
    return [...this.journeys.keys()];
  }

  /** Applies a journey control document seen on the control feed. */
  setControl(doc: JourneyControlDoc): void {
    this.controls.set(doc.journeyId, doc);
  }

  /** `running`, `paused` or `killed`. */
  controlState(journeyId: string): JourneyControlDoc['state'] {
    return this.controls.get(journeyId)?.state ?? 'running';
  }

  /** The latest published version, for new runs and go-to. */
  published(journeyId: string): JourneyRef | null {
    const j = this.journeys.get(journeyId);
    if (!j || !j.publishedVersion || j.status === 'archived') return null;
    return { journeyId, version: j.publishedVersion, acceptsRuns: j.status === 'active' && this.controlState(journeyId) === 'running' };
  }

  /** The program of a version if loaded (call {@link load} first). */
  program(journeyId: string, version: number): FlowProgram | undefined {
    return this.programs.get(`${journeyId}@${version}`);
  }

  /**
   * Loads a version's program; false when the version does not exist yet. Checked again after a few
   * seconds, not a minute: a journey's list entry can replicate before its published snapshot, and a
   * minute's cache of "missing" dropped every event for that journey in the first minute after publishing.
   */
  async load(journeyId: string, version: number, now: number): Promise<boolean> {
    const key = `${journeyId}@${version}`;
    if (this.programs.has(key)) return true;
    if ((this.missing.get(key) ?? 0) > now) return false;
    const entry = await this.historyDb.get<HistoryRow>(publishedEntryId(journeyId, version));
    const flow = entry?.snapshot?.flow;
    if (!flow || !Array.isArray(flow.nodes) || !Array.isArray(flow.edges)) {
      this.missing.set(key, now + 2_000);
      return false;
    }
    this.programs.set(key, buildProgram({ journeyId, version, flow }));
    this.publishedAt.set(key, typeof entry.createdAt === 'number' ? entry.createdAt : 0);
    return true;
  }

  /** When a loaded version was published (epoch ms; 0 when unknown): schedules fire no slot before it. */
  versionPublishedAt(journeyId: string, version: number): number {
    return this.publishedAt.get(`${journeyId}@${version}`) ?? 0;
  }
}
