import { useRef, useState } from 'react';
import type { PageOrientation } from '../../../../common/export/paper';
import type { PersonaPaper } from '../../../../common/export/personaPdf';
import type { PosterPaper } from '../../../../common/export/journeyPdf';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate, useT } from '../../i18n';
import { usePlatform } from '../../platform';
import { showToast } from '../../ui/toast';
import { CaptureCancelled } from './captureCancel';
import { capturePng, type CaptureSource } from './capturePng';
import { startExport, type RunningExport } from './exportClient';
import { safeFileName } from './fileNames';
import { comparisonJob } from './comparisonJob';
import { curvePersonaNames } from './curvePersonas';
import { posterFigures } from '../journeyAnalytics/posterFigures';
import { imagesFor, personaPages, personaWorkbookInput, readJourney, readPersonas } from './gather';
import type { ExportJob } from './jobs';
import './exports.css';

/** What an export menu exports: one persona, a deck of personas, a comparison of personas, or a journey. */
export type ExportTarget =
  | { kind: 'personas'; ids: string[]; title?: string }
  | { kind: 'comparison'; ids: string[] }
  | { kind: 'journey'; id: string };

type Format = 'pdf' | 'xlsx' | 'png' | 'flow';

/**
 * PDF and Excel exports of personas or a journey, built in a worker (with progress and cancel) and
 * saved through the platform: a native save dialog in the desktop app, a download in a browser.
 */
export function ExportMenu({ target, capture }: {
  target: ExportTarget;
  /** The on-screen canvas to offer as PNG (1×, 2×, 3×); no PNG action without it. */
  capture?: () => HTMLElement | CaptureSource | null;
}) {
  const db = useWorkspace();
  const platform = usePlatform();
  const t = useT();
  const isJourney = target.kind === 'journey';
  const [paper, setPaper] = useState<string>(isJourney ? 'a2' : 'a4');
  const [orientation, setOrientation] = useState<'follow' | PageOrientation>(target.kind === 'personas' ? 'follow' : 'landscape');
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scale, setScale] = useState<1 | 2 | 3>(2);
  const [tiled, setTiled] = useState(false);
  const running = useRef<RunningExport | null>(null);
  const capturing = useRef<AbortController | null>(null);

  const build = async (format: Format): Promise<{ job: ExportJob; name: string } | string> => {
    if (target.kind === 'journey') {
      const j = await readJourney(db, target.id);
      if (!j) return t('exports.noJourney');
      const analytics = format === 'pdf' ? await posterFigures(db, j.map) : undefined;
      const journey = { name: j.name, description: j.description, map: j.map, flow: j.flow, personas: await curvePersonaNames(db, j.map), ...(analytics ? { analytics } : {}) };
      const options = { paper: paper as PosterPaper, orientation: orientation === 'follow' ? 'landscape' as const : orientation };
      if (format === 'flow') return { job: { kind: 'flowPdf', journey, options }, name: safeFileName(t('exports.flowFileName', { name: j.name }), 'pdf') };
      const job: ExportJob = format === 'xlsx' ? { kind: 'journeyXlsx', journey }
        : tiled ? { kind: 'journeyTiles', journey, options: { poster: options.paper, orientation: options.orientation, sheet: 'a4' } }
          : { kind: 'journeyPdf', journey, options };
      return { job, name: safeFileName(j.name, format) };
    }
    const personas = await readPersonas(db, target.ids);
    if (target.kind === 'comparison') return comparisonJob(db, personas, format, paper as PersonaPaper, orientation === 'follow' ? 'landscape' : orientation);
    const first = personas[0];
    if (!first) return t('exports.noPersona');
    const title = target.title ?? (personas.length === 1 ? first.name : t('exports.deckTitle', { count: personas.length }));
    if (format === 'xlsx') {
      const input = await Promise.all(personas.map((p) => personaWorkbookInput(db, p)));
      return { job: { kind: 'personaXlsx', input }, name: safeFileName(title, 'xlsx') };
    }
    const options = { paper: paper as PersonaPaper, title, ...(orientation === 'follow' ? {} : { orientation }) };
    return { job: { kind: 'personaPdf', pages: await personaPages(db, personas), options, images: await imagesFor(db, personas) }, name: safeFileName(title, 'pdf') };
  };

  const png = async (signal: AbortSignal): Promise<{ bytes: Uint8Array; name: string } | string> => {
    const source = capture?.();
    if (!source) return t('exports.nothingToCapture');
    const what = source instanceof HTMLElement ? '' : source.label ? ` ${source.label}` : '';
    const title = target.kind === 'journey' ? ((await readJourney(db, target.id))?.name ?? t('exports.fallbackName', { kind: 'journey' })) : ((await readPersonas(db, target.ids))[0]?.name ?? t('exports.fallbackName', { kind: 'persona' }));
    return { bytes: await capturePng(source, scale, signal), name: safeFileName(`${title}${what} ${scale}x`, 'png') };
  };

  const run = async (format: Format) => {
    setError(null);
    setBusy(format);
    try {
      if (format === 'png') {
        const controller = new AbortController();
        capturing.current = controller;
        const shot = await png(controller.signal);
        if (typeof shot === 'string') return setError(shot);
        if (controller.signal.aborted) return;
        const saved = await platform.saveFile({ suggestedName: shot.name, kind: 'png', bytes: shot.bytes });
        if (!saved.ok) setError(t('exports.notSaved', { message: saved.message }));
        else if (saved.data.saved) showToast(translate('exports.saved', { fileName: saved.data.fileName }));
        return;
      }
      const prepared = await build(format);
      if (typeof prepared === 'string') return setError(prepared);
      const exp = startExport(prepared.job);
      running.current = exp;
      const out = await exp.result;
      if (!out.ok) return out.cancelled ? undefined : setError(t('exports.buildFailed', { kind: format === 'xlsx' ? 'xlsx' : 'pdf', message: out.message }));
      const saved = await platform.saveFile({ suggestedName: prepared.name, kind: format === 'flow' ? 'pdf' : format, bytes: out.bytes });
      if (!saved.ok) setError(t('exports.notSaved', { message: saved.message }));
      else if (saved.data.saved) showToast(translate('exports.saved', { fileName: saved.data.fileName }));
    } catch (e) {
      if (e instanceof CaptureCancelled) return;
      setError(t('exports.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      running.current = null;
      capturing.current = null;
      setBusy(null);
    }
  };

  // A4 and Letter for a journey suit its flow diagram and a small map; A3 to A0 are wall posters.
  const papers = isJourney ? ['a4', 'letter', 'a3', 'a2', 'a1', 'a0'] : ['a4', 'letter', 'a3'];
  return (
    <details className="export-menu">
      <summary>{t('exports.menu.export')}</summary>
      <div className="export-menu-body" role="group" aria-label={t('exports.menu.export')}>
        <label>{t('exports.menu.paper')}
          <select value={paper} onChange={(e) => setPaper(e.target.value)} disabled={busy !== null}>
            {papers.map((p) => <option key={p} value={p}>{p === 'letter' ? t('exports.menu.letter') : p.toUpperCase()}</option>)}
          </select>
        </label>
        <label>{t('exports.menu.orientation')}
          <select value={orientation} onChange={(e) => setOrientation(e.target.value as typeof orientation)} disabled={busy !== null}>
            {target.kind === 'personas' && <option value="follow">{t('exports.menu.follow')}</option>}
            <option value="portrait">{t('exports.menu.portrait')}</option>
            <option value="landscape">{t('exports.menu.landscape')}</option>
          </select>
        </label>
        {isJourney && (
          <label className="export-check"><input type="checkbox" checked={tiled} onChange={(e) => setTiled(e.target.checked)} disabled={busy !== null} /> {t('exports.menu.tiled')}</label>
        )}
        {capture && (
          <div className="export-menu-actions">
            <select aria-label={t('exports.menu.pngScale')} value={scale} onChange={(e) => setScale(Number(e.target.value) as 1 | 2 | 3)} disabled={busy !== null}>
              {[1, 2, 3].map((n) => <option key={n} value={n}>{t('exports.menu.scale', { n })}</option>)}
            </select>
            <button type="button" onClick={() => void run('png')} disabled={busy !== null}>{busy === 'png' ? t('exports.menu.capturing') : t('exports.menu.png')}</button>
          </div>
        )}
        <div className="export-menu-actions">
          <button type="button" onClick={() => void run('pdf')} disabled={busy !== null}>{busy === 'pdf' ? t('exports.menu.buildingPdf') : t('exports.menu.pdf')}</button>
          <button type="button" onClick={() => void run('xlsx')} disabled={busy !== null}>{busy === 'xlsx' ? t('exports.menu.buildingXlsx') : t('exports.menu.xlsx')}</button>
          {isJourney && <button type="button" onClick={() => void run('flow')} disabled={busy !== null}>{busy === 'flow' ? t('exports.menu.buildingFlow') : t('exports.menu.flowPdf')}</button>}
          {busy && <button type="button" onClick={() => (busy === 'png' ? capturing.current?.abort() : running.current?.cancel())}>{t('exports.cancel')}</button>}
        </div>
        {busy && <progress aria-label={t('exports.menu.progress')} />}
        {error && <p className="export-error" role="alert">{error}</p>}
      </div>
    </details>
  );
}
