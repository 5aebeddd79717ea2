import { useEffect, useMemo, useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { effectiveSegment, matchWords, segmentFromPersona, segmentLimits, type MatchLevel } from '../../../../common/segments/segment';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';
import type { SegmentFigures, SegmentInput } from '../../workers/segmentJob';
import type { AnalyticsSession } from '../analytics/analyticsSession';
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
    if (venn.length >= segmentLimits.venn) return showToast(`A Venn view shows at most ${segmentLimits.venn} segments: untick one first.`, { tone: 'error' });
    setVenn([...venn, id]);
  };
  const names = stored.items.map((s) => s.name);
  const exportOf = effective.findIndex((e) => e.segment.id === exporting);

  return (
    <section className="panel segments" aria-labelledby="segments-title">
      <div className="panel-header"><h3 id="segments-title">Segments</h3></div>
      <NewSegment personas={props.personas} onCreate={async (persona, name, match) => {
        const made = segmentFromPersona({ id: persona.id, name: persona.name, rules: persona.rules, datasetIds: persona.datasetIds }, name, match, newId(), Date.now());
        const res = made.ok ? await addSegment(db, made.data) : made;
        showToast(res.ok ? `Segment “${res.data.name}” saved.` : res.message, res.ok ? undefined : { tone: 'error' });
      }} />
      {problem && <p role="alert" className="error-text">Segments could not be computed: {problem}</p>}
      {stored.items.length === 0 ? <p className="muted">No segment yet. Save one from a persona’s rules above, or from a group under Data → Find personas.</p> : (
        <table className="data-table" aria-label="Saved segments">
          <thead><tr><th scope="col">Segment</th><th scope="col">From</th><th scope="col">Members</th><th scope="col">Size over time</th><th scope="col">Venn</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {effective.map((e, i) => (
              <tr key={e.segment.id} data-testid={`segment-${e.segment.name}`}>
                <th scope="row">{e.segment.name}<div className="muted">{matchWords[e.segment.match]}</div></th>
                <td>{e.segment.sourceLabel}{e.notice && <div role="status" className="notice">{e.notice}</div>}</td>
                <td className="num" data-testid="segment-size">{figures ? figures.sizes[i]?.toLocaleString('en') ?? '…' : '…'}</td>
                <td>{figures?.growth[i] ? <SegmentGrowth name={e.segment.name} points={figures.growth[i]!} /> : '…'}</td>
                <td><input type="checkbox" aria-label={`Show ${e.segment.name} in the Venn view`} checked={venn.includes(e.segment.id)} onChange={() => toggleVenn(e.segment.id)} /></td>
                <td>
                  <button type="button" className="ghost" onClick={() => setExporting(e.segment.id)}>Export members…</button>
                  <button type="button" className="ghost" onClick={() => void removeSegment(db, e.segment.id).then(() => showToast(`Segment “${e.segment.name}” deleted.`))}>Delete</button>
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
        <figure className="chart" aria-label="Overlap between segments">
          <figcaption>Overlap (respondents in both; the diagonal is each segment’s size)</figcaption>
          <div className="table-scroll">
            <table className="data-table heat-table" aria-label="Segment overlap">
              <thead><tr><th scope="col"><span className="visually-hidden">Segment</span></th>{names.map((n) => <th key={n} scope="col">{n}</th>)}</tr></thead>
              <tbody>{figures.overlap.map((row, a) => (
                <tr key={a}><th scope="row">{names[a]}</th>{row.map((v, b) => <td key={b} className="num">{v.toLocaleString('en')}</td>)}</tr>
              ))}</tbody>
            </table>
          </div>
        </figure>
      )}
      {figures?.venn ? <VennView names={figures.venn.of.map((i) => names[i]!)} regions={figures.venn.regions} />
        : stored.items.length >= 2 && <p className="muted">Tick 2 or 3 segments for a Venn view.</p>}
    </section>
  );
}

function NewSegment(props: { personas: AnalyticsPersona[]; onCreate: (p: AnalyticsPersona, name: string, match: MatchLevel) => Promise<void> }) {
  const [personaId, setPersonaId] = useState(props.personas[0]?.id ?? '');
  const [name, setName] = useState('');
  const [match, setMatch] = useState<MatchLevel>('strong');
  const persona = props.personas.find((p) => p.id === personaId) ?? props.personas[0];
  if (!persona) return <p className="muted">Create a persona with mapping rules first: a segment is the set of respondents who match it.</p>;
  return (
    <form className="follow-options" aria-label="New segment" onSubmit={(e) => {
      e.preventDefault();
      void props.onCreate(persona, name.trim() || persona.name, match).then(() => setName(''));
    }}>
      <label>From persona <select value={persona.id} onChange={(e) => setPersonaId(e.target.value)}>{props.personas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select></label>
      <label>Name <input value={name} maxLength={segmentLimits.name} placeholder={persona.name} onChange={(e) => setName(e.target.value)} /></label>
      <label>Members <select value={match} onChange={(e) => setMatch(e.target.value as MatchLevel)}>
        <option value="strong">{matchWords.strong}</option><option value="covered">{matchWords.covered}</option>
      </select></label>
      <button type="submit">Save segment</button>
    </form>
  );
}
