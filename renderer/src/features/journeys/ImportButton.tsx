import { useEffect, useRef, useState } from 'react';
import { navigate } from '../../app/route';
import { useWorkspace } from '../../db/WorkspaceContext';
import { useT } from '../../i18n';
import { usePlatform } from '../../platform';
import { showToast } from '../../ui/toast';
import { parseJourneyEnvelope, planImport, type JourneyDoc, type ParsedImport, type PathProblem } from '../../../../common/journey';
import { currentAuthor, newJourneyId, saveJourney } from './store';

type Pending =
  | { kind: 'problems'; fileName: string; problems: PathProblem[] }
  | { kind: 'clash'; parsed: ParsedImport; existing: JourneyDoc };

/**
 * Imports a journey export. Every problem is listed with its path; a file whose journey already
 * exists here asks whether to import a copy or replace it, and never overwrites on its own.
 */
export function ImportButton({ existing }: { existing: readonly JourneyDoc[] }) {
  const t = useT();
  const db = useWorkspace();
  const platform = usePlatform();
  const [pending, setPending] = useState<Pending | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (pending && d && !d.open) d.showModal();
    if (!pending && d?.open) d.close();
  }, [pending]);

  const finish = async (parsed: ParsedImport, clash: JourneyDoc | null, mode: 'copy' | 'replace') => {
    setPending(null);
    const journey = planImport(parsed, { newId: newJourneyId(), now: Date.now(), existing: clash, mode, author: currentAuthor() });
    await saveJourney(db, journey);
    const gaps = parsed.warnings.length;
    showToast(t(mode === 'replace' ? 'journeys.import.replaced' : 'journeys.import.imported', { name: journey.name, gaps }));
    navigate('journeys', journey.id, 'map');
  };

  const start = async () => {
    const file = await platform.openFile(['.json', 'application/json']);
    if (!file) return;
    const result = parseJourneyEnvelope(await file.text());
    if (!result.ok) {
      setPending({ kind: 'problems', fileName: file.name, problems: result.problems });
      return;
    }
    const clash = existing.find((j) => j.id === result.data.sourceId) ?? null;
    if (clash) setPending({ kind: 'clash', parsed: result.data, existing: clash });
    else await finish(result.data, null, 'copy');
  };

  return (
    <>
      <button type="button" onClick={() => void start()}>{t('journeys.import.button')}</button>
      <dialog ref={dialog} className="dialog" onCancel={(e) => { e.preventDefault(); setPending(null); }} aria-labelledby="import-title">
        {pending?.kind === 'problems' && (
          <>
            <h2 id="import-title">{t('journeys.import.cannotTitle', { name: pending.fileName })}</h2>
            <p>{t('journeys.import.cannotBody', { count: pending.problems.length })}</p>
            <ul className="problem-list">
              {pending.problems.slice(0, 50).map((p, i) => <li key={i}><code>{p.path || t('journeys.import.wholeFile')}</code> {p.message}</li>)}
            </ul>
            <div className="dialog-actions"><button type="button" autoFocus onClick={() => setPending(null)}>{t('journeys.import.close')}</button></div>
          </>
        )}
        {pending?.kind === 'clash' && (
          <>
            <h2 id="import-title">{t('journeys.import.clashTitle', { name: pending.existing.name })}</h2>
            <p>{t('journeys.import.clashBody')}</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setPending(null)}>{t('journeys.cancel')}</button>
              <button type="button" className="danger" onClick={() => void finish(pending.parsed, pending.existing, 'replace')}>{t('journeys.import.replace')}</button>
              <button type="button" autoFocus className="primary" onClick={() => void finish(pending.parsed, pending.existing, 'copy')}>{t('journeys.import.copy')}</button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
