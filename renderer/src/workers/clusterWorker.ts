/**
 * Finding personas off the UI thread: decode the dataset, run k-prototypes for each k (pure code
 * in common/clustering), profile the groups, derive and check their rules. Cancelling terminates
 * this worker (the client starts a new one), so a stop lands at once even mid-iteration.
 */
import { cellValue, decodeDatasets, type Table } from '../../../common/analytics/table';
import { findPersonas, type FindResult } from '../../../common/clustering/findPersonas';
import { profileClusters } from '../../../common/clustering/profile';
import { deriveRules, recovery } from '../../../common/clustering/rules';
import { err, ok, type Result } from '../../../common/result';
import type { ClusterRequest, ClusterResponse, ClusterView, FindOutcome, FindRequest, Representative } from './clusterProtocol';

const scope = self as unknown as {
  postMessage(message: ClusterResponse): void;
  onmessage: ((event: MessageEvent<ClusterRequest>) => void) | null;
};

let last: { table: Table; found: FindResult; request: FindRequest; idColumn: string | undefined } | null = null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function viewOf(k: number): Result<ClusterView> {
  if (!last) return err('not-found', 'Run "Find personas" again; the last search is gone.');
  const run = last.found.byK.get(k);
  if (!run) return err('invalid-argument', `No grouping into ${k} was computed in this search.`);
  const { table, found, request, idColumn } = last;
  const profiles = profileClusters(table, found.features, run, { gamma: found.gamma, textColumns: request.textColumns, ...(idColumn ? { idColumn } : {}) });
  const rules = deriveRules(found.features, run.assignments, profiles);
  const representatives: Representative[][] = profiles.map((p) => p.representatives.map((r) => ({
    id: r.id,
    answers: request.columns.map((column) => ({ column, value: shown(cellValue(table.columns.get(column), r.row)) })),
  })));
  return ok({
    k, rows: table.rowCount, profiles, rules, representatives,
    recovery: profiles.map((p) => recovery(table, rules[p.cluster]!, run.assignments, p.cluster)),
  });
}

function shown(v: string | number | string[] | null): string {
  if (v === null) return '—';
  if (Array.isArray(v)) return v.join('; ') || '—';
  return String(v).slice(0, 80);
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'view') {
    scope.postMessage({ type: 'view', id: msg.id, result: viewOf(msg.k) });
    return;
  }
  void (async (): Promise<Result<FindOutcome>> => {
    let table: Table;
    try {
      table = decodeDatasets(msg.datasets);
    } catch (e) {
      return err('newer-schema', `The dataset could not be read: ${message(e)}`);
    }
    const { request } = msg;
    try {
      const found = await findPersonas(table, {
        columns: request.columns, seed: request.seed, ...(request.k ? { k: request.k } : {}),
        onProgress: (fraction) => scope.postMessage({ type: 'progress', id: msg.id, fraction }),
      });
      const idColumn = msg.datasets[0]?.header.columns.find((c) => c.type === 'id')?.key;
      last = { table, found, request, idColumn };
      const view = viewOf(found.proposed.k);
      if (!view.ok) return view;
      return ok({ evidence: found.evidence, proposedK: found.proposed.k, problems: found.problems, view: view.data });
    } catch (e) {
      if (e instanceof RangeError) return err('invalid-argument', e.message);
      return err('internal', `Finding personas failed: ${message(e)}`);
    }
  })().then((result) => scope.postMessage({ type: 'find', id: msg.id, result }));
};
