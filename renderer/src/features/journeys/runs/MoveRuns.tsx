import { useEffect, useMemo, useState } from 'react';
import { publishedEntryId, readPublishedEntry, type JourneyDoc } from '../../../../../common/journey';
import type { OpenRunsDoc } from '../../../../../common/journeyRuns/migrate';
import { migrationPreview, openRunsByVersion } from '../../../../../common/journeyRuns/migrate';
import { useLiveQuery } from '../../../db/hooks';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useFormat, useT } from '../../../i18n';
import { readMigration, startMigration, type MigrationProgress, type RunsTarget } from './runsApi';
import { useProblemText } from './problemText';

/**
 * "Runs on older versions": open runs stay on the version they started on until the user moves
 * them. Per older version with open runs, a Move button; the dialog says, from the engine's census
 * and both versions' steps, how many would move (same step id in the new version) and how many
 * cannot (their step is gone) before anything happens; afterwards the engine's result per partition.
 */
/** How often a running migration's progress is read. */
const progressMs = 2000;

export function MoveRuns({ journey, target, census, canAct, onMoved }: {
  journey: JourneyDoc;
  target: RunsTarget;
  census: OpenRunsDoc[];
  canAct: boolean;
  onMoved: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const problemText = useProblemText(target);
  const to = journey.publishedVersion;
  const older = [...openRunsByVersion(census)].filter(([v]) => v !== to).sort((a, b) => a[0] - b[0]);
  const [from, setFrom] = useState<number | null>(null);
  const [command, setCommand] = useState<{ id: string; from: number } | null>(null);
  const [progress, setProgress] = useState<MigrationProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useMemo(() => (from === null ? [] : [publishedEntryId(journey.id, from), publishedEntryId(journey.id, to)]), [journey.id, from, to]);
  const versions = useLiveQuery('history', { selector: { id: { $in: ids } } }, readPublishedEntry, `move:${ids.join(',')}`);
  const fromEntry = versions.items.find((e) => e.number === from);
  const toEntry = versions.items.find((e) => e.number === to);
  const preview = fromEntry && toEntry && from !== null ? migrationPreview(census, from, fromEntry.snapshot.flow.nodes, toEntry.snapshot.flow.nodes) : null;
  const fromLabel = (id: string) => fromEntry?.snapshot.flow.nodes.find((n) => n.id === id)?.label || id;

  useEffect(() => {
    if (!command || progress?.done) return undefined;
    const read = async () => {
      const r = await readMigration(target, command.id);
      if (!r.ok) return setProblem(problemText(r.problem));
      setProblem(null);
      setProgress(r.data);
      if (r.data.done) onMoved();
    };
    const first = setTimeout(() => void read(), 500);
    const timer = setInterval(() => void read(), progressMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [command, progress?.done, target, problemText, onMoved]);

  const confirm = async () => {
    if (from === null) return;
    const chosen = from;
    setFrom(null);
    setProgress(null);
    const r = await startMigration(target, journey.id, chosen, to);
    if (!r.ok) return setProblem(problemText(r.problem));
    setProblem(null);
    setCommand({ id: r.data.command, from: chosen });
  };

  if (older.length === 0 && !command) return null;
  const stayed = progress ? progress.summary.stay.reduce((s, x) => s + x.count, 0) : 0;
  return (
    <section aria-label={t('runs.versions')}>
      <h4>{t('runs.versions')}</h4>
      <p className="muted">{t('runs.versions.note', { version: to })}</p>
      <ul className="runs-versions">
        {older.map(([v, count]) => (
          <li key={v} data-testid="older-version">
            {t('runs.versions.row', { version: v, count })}{' '}
            {canAct && v < to && <button type="button" onClick={() => setFrom(v)} disabled={command !== null && !progress?.done}>{t('runs.migrate', { version: to })}</button>}
          </li>
        ))}
      </ul>
      {problem && <p className="error" role="alert">{problem}</p>}
      {from !== null && !preview && <p role="status">{versions.loading ? t('runs.migrate.loading') : t('runs.migrate.missing', { from, to })}</p>}
      {command && (
        <div role="status" data-testid="migration-result">
          {!progress?.done ? <p>{t('runs.migrate.running', { done: progress?.summary.partitionsDone ?? 0, total: progress?.partitions ?? 0 })}</p>
            : progress.refused ? <p className="error">{t('runs.migrate.refused', { to })}</p>
              : <>
                <p>{progress.summary.moved === 0 && stayed > 0 ? t('runs.migrate.noneMoved', { stayed, from: command.from, to })
                  : t('runs.migrate.done', { moved: progress.summary.moved, stayed, from: command.from, to })}</p>
                {progress.summary.stayedCustomers.length > 0 && <p className="muted">{t('runs.migrate.stayedList', { from: command.from, customers: new Intl.ListFormat(f.locale, { type: 'unit' }).format(progress.summary.stayedCustomers) })}</p>}
              </>}
        </div>
      )}
      <ConfirmDialog open={preview !== null} title={t('runs.migrate.title', { from: from ?? 0, to })} confirmLabel={t('runs.migrate.confirm')}
        onConfirm={() => void confirm()} onCancel={() => setFrom(null)}>
        {preview && (
          <div data-testid="migration-preview">
            <p>{t('runs.migrate.move', { count: preview.move, to })}</p>
            {preview.stay.length > 0 && (
              <>
                <p>{t('runs.migrate.stay', { count: preview.stay.reduce((s, x) => s + x.count, 0), from: from ?? 0, to })}</p>
                <ul>{preview.stay.map((s) => <li key={s.nodeId}>{t('runs.migrate.stayStep', { step: fromLabel(s.nodeId), count: s.count })}</li>)}</ul>
              </>
            )}
            <p className="muted">{t('runs.migrate.estimate')}</p>
          </div>
        )}
      </ConfirmDialog>
    </section>
  );
}
