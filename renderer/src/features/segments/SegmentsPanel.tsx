import { useEffect, useMemo, useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { effectiveSegment, segmentFromPersona, segmentLimits, type MatchLevel } from '../../../../common/segments/segment';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate, useT } from '../../i18n';
import { showToast } from '../../ui/toast';
import type { SegmentFigures, SegmentInput } from '../../workers/segmentJob';
import type { AnalyticsSession } from '../analytics/analyticsSession';
import { useAnalyticsFormat } from '../analytics/display';
import type { AnalyticsPersona } from '../analytics/personaModel';
import { SegmentExport } from './SegmentExport';
import { SegmentGrowth } from './SegmentGrowth';
import { addSegment, newId, parseSegment, removeSegment } from './segmentStore';
import { VennView } from './VennView';
import './segments.css';

/**
 * Analytics → Segments: saved segments from personas' rules (or "Find personas" groups), their size
 * and growth, the overlap between them (a matrix, and a Venn view of 2–3 ticked ones), and export
 * of a segment's members. Members are computed by the analytics worker from the loaded data.
 */
export function SegmentsPanel(props: { session: AnalyticsSession; personas: AnalyticsPersona[]; headers: DatasetHeaderDoc[]; timeZone: string; loadCount: number }) {
  const db = useWorkspace();
  const t = useT();
  const { count } = useAnalyticsFormat();
  const stored = useLiveQuery('segments', { selector: {}, sort: [{ createdAt: 'asc' }] }, parseSegment);
  const [venn, setVenn] = useState<string[]>([]);
  const [computed, setComputed] = useState<{ key: string; figures: SegmentFigures } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const effective = useMemo(() => stored.items.map((s) => effectiveSegment(s, props.personas)), [stored.items, props.personas]);
  const inputs: SegmentInput[] = useMemo(() => effective.map((e) => ({ id: e.segment.id, rules: e.rules, datasetIds: e.datasetIds, match: e.segment.match })), [effective]);
  const vennIndexes = venn.map((id) => inputs.findIndex((s) => s.id === id)).filter((i) => i >= 0);
  const key = JSON.stringify([inputs, vennIndexes, props.loadCount, props.timeZone]);
  // Figures of other inputs (a segment just added or deleted) would be misaligned: wait for the new ones.
  const figures = computed?.key === key ? computed.figures : null;

  useEffect(() => {
    const client = props.session.worker;
    if (!client || props.loadCount === 0 || inputs.length === 0) return;
    let live = true;
    const pending = client.segments({ segments: inputs, timeZone: props.timeZone, venn: vennIndexes });
    void pending.result.then((r) => {
      if (!live) return;
      if (r.ok) { setComputed({ key, figures: r.data }); setProblem(null); } else if (r.code !== 'cancelled') setProblem(r.message);
    });
    return () => { live = false; };
    // `key` stands for inputs, the Venn choice, the data and the zone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, props.session]);

  const toggleVenn = (id: string) => {
    if (venn.includes(id)) return setVenn(venn.filter((v) => v !== id));
    if (venn.length >= segmentLimits.venn) return showToast(translate('analytics.seg.vennLimit', { count: segmentLimits.venn }), { tone: 'error' });
    setVenn([...venn, id]);
  };
  const names = stored.items.map((s) => s.name);
  const exportOf = effective.findIndex((e) => e.segment.id === exporting);

  return (
    <section className="panel segments" aria-labelledby="segments-title">
      <div className="panel-header"><h3 id="segments-title">{t('analytics.seg.title')}</h3></div>
      <NewSegment personas={props.personas} onCreate={async (persona, name, match) => {
        const made = segmentFromPersona({ id: persona.id, name: persona.name, rules: persona.rules, datasetIds: persona.datasetIds }, name, match, newId(), Date.now());
        const res = made.ok ? await addSegment(db, made.data) : made;
        showToast(res.ok ? translate('analytics.seg.saved', { name: res.data.name }) : res.message, res.ok ? undefined : { tone: 'error' });
      }} />
      {problem && <p role="alert" className="error-text">{t('analytics.seg.failed', { message: problem })}</p>}
      {stored.items.length === 0 ? <p className="muted">{t('analytics.seg.none')}</p> : (
        <table className="data-table" aria-label={t('analytics.seg.table')}>
          <thead><tr><th scope="col">{t('analytics.seg.segment')}</th><th scope="col">{t('analytics.seg.from')}</th><th scope="col">{t('analytics.seg.members')}</th><th scope="col">{t('analytics.seg.growth')}</th><th scope="col">{t('analytics.seg.venn')}</th><th scope="col"><span className="visually-hidden">{t('analytics.seg.actions')}</span></th></tr></thead>
          <tbody>
            {effective.map((e, i) => (
              <tr key={e.segment.id} data-testid={`segment-${e.segment.name}`}>
                <th scope="row">{e.segment.name}<div className="muted">{t('analytics.match', { match: e.segment.match })}</div></th>
                <td>{e.segment.sourceLabel}{e.notice && <div role="status" className="notice">{t('problems.segment', e.notice)}</div>}</td>
                <td className="num" data-testid="segment-size">{figures ? (figures.sizes[i] !== undefined ? count(figures.sizes[i]!) : '…') : '…'}</td>
                <td>{figures?.growth[i] ? <SegmentGrowth name={e.segment.name} points={figures.growth[i]!} /> : '…'}</td>
                <td><input type="checkbox" aria-label={t('analytics.seg.showInVenn', { name: e.segment.name })} checked={venn.includes(e.segment.id)} onChange={() => toggleVenn(e.segment.id)} /></td>
                <td>
                  <button type="button" className="ghost" onClick={() => setExporting(e.segment.id)}>{t('analytics.seg.export')}</button>
                  <button type="button" className="ghost" onClick={() => void removeSegment(db, e.segment.id).then(() => showToast(translate('analytics.seg.deleted', { name: e.segment.name })))}>{t('analytics.seg.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {exportOf >= 0 && (
        <SegmentExport name={names[exportOf]!} segment={inputs[exportOf]!} members={figures?.sizes[exportOf] ?? 0} headers={props.headers}
          client={props.session.worker} onClose={() => setExporting(null)} />
      )}
      {figures && stored.items.length >= 2 && (
        <figure className="chart" aria-label={t('analytics.seg.overlapLabel')}>
          <figcaption>{t('analytics.seg.overlapCaption')}</figcaption>
          <div className="table-scroll">
            <table className="data-table heat-table" aria-label={t('analytics.seg.overlapTable')}>
              <thead><tr><th scope="col"><span className="visually-hidden">{t('analytics.seg.segment')}</span></th>{names.map((n) => <th key={n} scope="col">{n}</th>)}</tr></thead>
              <tbody>{figures.overlap.map((row, a) => (
                <tr key={a}><th scope="row">{names[a]}</th>{row.map((v, b) => <td key={b} className="num">{count(v)}</td>)}</tr>
              ))}</tbody>
            </table>
          </div>
        </figure>
      )}
      {figures?.venn ? <VennView names={figures.venn.of.map((i) => names[i]!)} regions={figures.venn.regions} />
        : stored.items.length >= 2 && <p className="muted">{t('analytics.seg.tickVenn')}</p>}
    </section>
  );
}

function NewSegment(props: { personas: AnalyticsPersona[]; onCreate: (p: AnalyticsPersona, name: string, match: MatchLevel) => Promise<void> }) {
  const [personaId, setPersonaId] = useState(props.personas[0]?.id ?? '');
  const [name, setName] = useState('');
  const [match, setMatch] = useState<MatchLevel>('strong');
  const t = useT();
  const persona = props.personas.find((p) => p.id === personaId) ?? props.personas[0];
  if (!persona) return <p className="muted">{t('analytics.seg.needPersona')}</p>;
  return (
    <form className="follow-options" aria-label={t('analytics.seg.new')} onSubmit={(e) => {
      e.preventDefault();
      void props.onCreate(persona, name.trim() || persona.name, match).then(() => setName(''));
    }}>
      <label>{t('analytics.seg.fromPersona')} <select value={persona.id} onChange={(e) => setPersonaId(e.target.value)}>{props.personas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select></label>
      <label>{t('analytics.seg.name')} <input value={name} maxLength={segmentLimits.name} placeholder={persona.name} onChange={(e) => setName(e.target.value)} /></label>
      <label>{t('analytics.seg.members')} <select value={match} onChange={(e) => setMatch(e.target.value as MatchLevel)}>
        <option value="strong">{t('analytics.match', { match: 'strong' })}</option><option value="covered">{t('analytics.match', { match: 'covered' })}</option>
      </select></label>
      <button type="submit">{t('analytics.seg.save')}</button>
    </form>
  );
}
