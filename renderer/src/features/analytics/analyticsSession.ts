/**
 * The Analytics screen's computation, outside React: owns the analytics worker, reloads the decoded
 * table when datasets change (or on Recalculate) and rescores when personas, the date range or the
 * zone change. Only the latest scoring is kept; an older one still running is cancelled. The screen
 * reads it with `useSyncExternalStore`.
 */
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { Workspace } from '../../db/database';
import { translate } from '../../i18n';
import { createAnalyticsClient, type AnalyticsClient, type Pending } from '../../workers/analyticsClient';
import type { Dashboard } from '../../workers/dashboard';
import { readChunks } from '../data/datasetStore';
import { engineInput, type AnalyticsPersona } from './personaModel';

/** What the screen shows about the computation. */
export interface AnalyticsState {
  dashboard: Dashboard | null;
  /** Non-null while working: what is happening and how far (0–1). */
  busy: { label: string; fraction: number } | null;
  error: string | null;
  /** Increments after each table load, so the snapshot scheduler knows the data changed. */
  loadCount: number;
  /**
   * Datasets whose header arrived before all their chunks (sync delivers documents in any order):
   * their missing rows are left out until a Recalculate after sync catches up.
   */
  incomplete: string[];
}

/** Inputs of a dashboard computation. */
export interface AnalyticsInputs {
  headers: DatasetHeaderDoc[];
  personas: AnalyticsPersona[];
  timeZone: string;
  from?: number;
  to?: number;
  /** The persona on screen (per-day figures and explained top matches are computed for it only). */
  detail: string | null;
}

/** One screen's analytics computation. */
export class AnalyticsSession {
  private client: AnalyticsClient | null = null;
  private state: AnalyticsState = { dashboard: null, busy: null, error: null, loadCount: 0, incomplete: [] };
  private readonly listeners = new Set<() => void>();
  private inputs: AnalyticsInputs | null = null;
  private dataKey: string | null = null;
  private scoreKey: string | null = null;
  private loadGeneration = 0;
  private scoring: Pending<Dashboard> | null = null;

  constructor(private readonly db: Workspace) {}

  /** The worker this session talks to (the snapshot scheduler shares it), or null when stopped. */
  get worker(): AnalyticsClient | null {
    return this.client;
  }

  start(): void {
    this.client ??= createAnalyticsClient();
  }

  stop(): void {
    this.client?.dispose();
    this.client = null;
    this.dataKey = null;
    this.scoreKey = null;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): AnalyticsState => this.state;

  /** Gives the latest inputs; reloads or rescores only what changed. */
  setInputs(inputs: AnalyticsInputs): void {
    this.inputs = inputs;
    const dataKey = inputs.headers.map((h) => `${h.id}:${h.chunkCount}:${h.updatedAt}`).sort().join('|');
    if (dataKey !== this.dataKey) {
      this.dataKey = dataKey;
      void this.load();
      return;
    }
    this.rescore(false);
  }

  /** Reads every dataset again and rescores. */
  recalculate(): void {
    void this.load();
  }

  private set(patch: Partial<AnalyticsState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private async load(): Promise<void> {
    const client = this.client;
    const inputs = this.inputs;
    if (!client || !inputs) return;
    const generation = ++this.loadGeneration;
    this.scoring?.cancel();
    this.set({ busy: { label: translate('analytics.reading'), fraction: 0 }, error: null });
    const datasets = [];
    const incomplete: string[] = [];
    for (const [i, header] of inputs.headers.entries()) {
      const chunks = await readChunks(this.db, header);
      if (chunks.length < header.chunkCount) incomplete.push(header.name);
      datasets.push({ header, chunks });
      if (generation !== this.loadGeneration) return;
      this.set({ busy: { label: translate('analytics.reading'), fraction: (i + 1) / inputs.headers.length } });
    }
    const res = await client.load(datasets).result;
    if (generation !== this.loadGeneration) return;
    if (!res.ok) return this.set({ busy: null, error: res.message });
    this.set({ loadCount: this.state.loadCount + 1, incomplete });
    this.rescore(true);
  }

  /** Accepts the current assignment (what the overview's before/after compares with), then rescores to show it. */
  async classify(): Promise<string | null> {
    const client = this.client;
    if (!client) return translate('analytics.workerDown');
    const res = await client.classify().result;
    if (!res.ok) return res.message;
    this.rescore(true);
    return null;
  }

  private rescore(force: boolean): void {
    const client = this.client;
    const inputs = this.inputs;
    if (!client || !inputs || this.state.loadCount === 0) return;
    const { personas, timeZone, from, to, detail } = inputs;
    const key = JSON.stringify([personas.map(engineInput), timeZone, from ?? null, to ?? null, detail]);
    if (!force && key === this.scoreKey) return;
    this.scoreKey = key;
    this.scoring?.cancel();
    this.set({ busy: { label: translate('analytics.scoring'), fraction: 0 }, error: null });
    const run = client.dashboard(
      { personas: personas.map(engineInput), timeZone, detail, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) },
      (fraction) => { if (this.scoring === run) this.set({ busy: { label: translate('analytics.scoring'), fraction } }); },
    );
    this.scoring = run;
    void run.result.then((res) => {
      if (this.scoring !== run) return;
      this.scoring = null;
      if (res.ok) this.set({ dashboard: res.data, busy: null, error: null });
      else if (res.code !== 'cancelled') this.set({ busy: null, error: res.message });
    });
  }
}
