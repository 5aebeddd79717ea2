import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { personaDraft } from '../../../../common/clustering/drafts';
import { newId } from '../../../../common/persona/ids';
import type { PersonaDoc } from '../../../../common/persona/document';
import type { Result } from '../../../../common/result';
import type { Workspace } from '../../db/database';
import type { ClusterView } from '../../workers/clusterProtocol';
import { translate } from '../../i18n';
import { createPersona, currentAuthor } from '../personas/store';

/** Writes one group as a persona draft (status draft, rules set, dataset linked) with a first version saying where it came from. */
export function saveClusterDraft(db: Workspace, header: DatasetHeaderDoc, view: ClusterView, cluster: number, textColumns: readonly string[]): Promise<Result<PersonaDoc>> {
  const profile = view.profiles[cluster]!;
  const draft = personaDraft(profile, view.rules[cluster]!, { datasetName: header.name, datasetId: header.datasetId, responses: view.rows, labels: Object.fromEntries(header.columns.map((c) => [c.key, c.label || c.key])) },
    { ids: newId, now: Date.now(), author: currentAuthor() }, textColumns);
  return createPersona(db, draft, translate('findPersonas.draftNote', { name: header.name, group: cluster + 1, k: view.k, count: profile.size }));
}
