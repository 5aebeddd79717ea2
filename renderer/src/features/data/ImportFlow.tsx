import { useEffect, useRef, useState } from 'react';
import type { DateOrder } from '../../../../common/import/values';
import { useT } from '../../i18n';
import { Loading } from '../../ui/States';
import { MappingTable } from './MappingTable';
import { mappingProblems, suggestedRows, type MappingRow } from './mappingModel';
import { PreviewTable } from './PreviewTable';
import { ProgressBar } from './ProgressBar';
import { DateOrderChoice } from './DateOrderChoice';
import { ImportReview } from './ImportReview';
import { useImportFlow, type ImportFile } from './useImportFlow';

/** The import of one file, from preview to saved dataset; `onClose` ends it. */
export function ImportFlow({ file, onClose }: { file: ImportFile; onClose: () => void }) {
  const t = useT();
  const { phase, setPhase, start, write, cancel, stop } = useImportFlow(file, onClose);
  // null until the user edits: the suggestion from the preview stands until then.
  const [edited, setRows] = useState<MappingRow[] | null>(null);
  const [chosenOrder, setOrder] = useState<DateOrder | null>(null);
  const preview = phase.kind === 'reading' ? null : phase.preview;
  const rows = edited ?? (preview ? suggestedRows(preview) : []);
  const dateOrder = chosenOrder ?? preview?.dateOrder ?? 'mdy';

  // The button that opened the flow is disabled while it runs: move focus into the flow instead.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const problems = mappingProblems(rows);
  const title = file.append ? t('data.import.titleWave', { name: file.append.name }) : t('data.import.titleNew');
  return (
    <section className="panel import-flow" aria-labelledby="import-title">
      <header className="panel-header">
        <h2 id="import-title" ref={heading} tabIndex={-1}>{title}</h2>
        {(phase.kind === 'mapping' || phase.kind === 'failed') && <button type="button" onClick={onClose}>{t('data.import.close')}</button>}
      </header>
      {phase.kind === 'reading' && <Loading label={t('data.import.reading', { name: file.name })} />}
      {phase.kind === 'failed' && (
        <div role="alert" className="error-text">
          <p>{phase.message}</p>
          {phase.preview && <button type="button" onClick={() => setPhase({ kind: 'mapping', preview: phase.preview! })}>{t('data.import.backToMapping')}</button>}
        </div>
      )}
      {preview && phase.kind !== 'failed' && <PreviewTable preview={preview} fileName={file.name} dateOrder={dateOrder} />}
      {phase.kind === 'mapping' && (
        <>
          <DateOrderChoice preview={phase.preview} value={dateOrder} onChange={setOrder} />
          <MappingTable preview={phase.preview} rows={rows} onChange={setRows} />
          {phase.preview.rejectedSample.length + phase.preview.unreadableSample.length > 0 && (
            <p className="muted">
              {t('data.import.sampleIssues', { rejected: phase.preview.rejectedSample.length, unreadable: phase.preview.unreadableSample.length })}
            </p>
          )}
          {problems.length > 0 && <ul className="error-text" aria-label={t('data.import.problemsLabel')}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          <div className="actions">
            <button type="button" className="primary" disabled={problems.length > 0} onClick={() => void start(phase.preview, rows, chosenOrder)}>
              {file.append ? t('data.import.importWave') : t('data.import.import')}
            </button>
          </div>
        </>
      )}
      {phase.kind === 'parsing' && (
        <ProgressBar label={t('data.import.readingRows', { count: phase.rowsRead })} fraction={phase.fraction} onCancel={cancel} />
      )}
      {phase.kind === 'writing' && <ProgressBar label={t('data.import.saving', { name: file.name })} fraction={phase.fraction} />}
      {phase.kind === 'rejected' && (
        <ImportReview outcome={phase.outcome} onImport={() => void write(phase.preview, phase.outcome)} onStop={stop} />
      )}
    </section>
  );
}
