import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { err, type Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import type { ClusterClient } from '../../workers/clusterClient';
import type { FindOutcome, FindRequest } from '../../workers/clusterProtocol';
import { translate } from '../../i18n';
import { readChunks } from '../data/datasetStore';

/** Reads the dataset's chunks (refusing a dataset still arriving from sync) and runs the search in the worker. */
export async function runSearch(db: Workspace, client: ClusterClient, header: DatasetHeaderDoc, request: FindRequest, on: {
  onStart: (cancel: () => void) => void; onProgress: (fraction: number) => void;
}): Promise<Result<FindOutcome>> {
  let stopped = false;
  on.onStart(() => { stopped = true; });
  const chunks = await readChunks(db, header);
  if (chunks.length < header.chunkCount) {
    return err('unavailable', translate('findPersonas.stillArriving', { name: header.name, count: chunks.length, total: header.chunkCount }));
  }
  if (stopped) return err('cancelled', translate('findPersonas.stopped'));
  const job = client.find([{ header, chunks }], request, on.onProgress);
  on.onStart(job.cancel);
  return job.result;
}
