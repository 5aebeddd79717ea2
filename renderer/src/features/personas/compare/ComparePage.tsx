import { navigate } from '../../../app/route';
import { useLiveQuery } from '../../../db/hooks';
import { EmptyState, Loading } from '../../../ui/States';
import { ExportMenu } from '../../exports/ExportMenu';
import { comparePersonas, comparisonLimits, countEvidence, type PersonaDoc } from '../../../../../common/persona';
import { evidenceLabels, statusLabels } from '../labels';
import { SectionReadOnly } from '../SectionReadOnly';
import { parsePersona, parseSummary } from '../store';
import './compare.css';
import { X } from '../../../ui/icons';

const fieldNames: Record<string, string> = { role: 'Role', status: 'Status', personaType: 'Type', domain: 'Domain', owner: 'Owner', tags: 'Tags' };
const showField = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? (statusLabels[v as keyof typeof statusLabels] ?? v) || '—' : String(v));

/** Two to four personas side by side, sections aligned by type, differences highlighted. */
export default function ComparePage({ ids }: { ids: string[] }) {
  const { items, loading } = useLiveQuery('personas', { selector: { id: { $in: ids } } }, parsePersona, `compare:${ids.join(',')}`);
  const all = useLiveQuery('personas', { selector: {} }, parseSummary, 'persona-list');
  if (loading) return <Loading />;
  const personas = ids.map((id) => items.find((p) => p.id === id)).filter((p): p is PersonaDoc => !!p);
  const comparison = comparePersonas(personas);
  const setIds = (next: string[]) => navigate('personas', 'compare', ...next);
  return (
    <section className="persona-compare">
      <header className="page-header">
        <h1>Compare personas</h1>
        {personas.length < comparisonLimits.max && (
          <select aria-label="Add persona to comparison" value="" onChange={(e) => e.target.value && setIds([...ids, e.target.value])}>
            <option value="">+ Add persona</option>
            {all.items.filter((p) => !ids.includes(p.id)).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        )}
        {comparison && <ExportMenu target={{ kind: 'comparison', ids: personas.map((p) => p.id) }} />}
        <button type="button" onClick={() => navigate('personas')}>Back to list</button>
      </header>
      {!comparison ? (
        <EmptyState title="Choose two to four personas">Tick “Compare” on the persona cards, or add personas here.</EmptyState>
      ) : (
        <table className="compare-table" style={{ ['--cols' as string]: personas.length }}>
          <thead>
            <tr><th scope="col">Aspect</th>{personas.map((p, i) => (
              <th key={p.id} scope="col" style={{ borderTopColor: p.accentColor }}>
                <a href={`#/personas/${encodeURIComponent(p.id)}`}>{p.name}</a>
                <button type="button" className="ghost" aria-label={`Remove ${p.name} from comparison`} onClick={() => setIds(ids.filter((_, j) => j !== i))}><X size={14} /></button>
              </th>
            ))}</tr>
          </thead>
          <tbody>
            {comparison.fields.map((f) => (
              <tr key={f.field} className={f.differs ? 'differs' : undefined} data-differs={f.differs}>
                <th scope="row">{fieldNames[f.field]}</th>{f.values.map((v, i) => <td key={i}>{showField(v)}</td>)}
              </tr>
            ))}
            <tr><th scope="row">Evidence</th>{personas.map((p) => {
              const c = countEvidence(p);
              return <td key={p.id}>{(['research', 'data', 'assumption'] as const).map((k) => `${evidenceLabels[k]} ${c[k]}`).join(' · ')} · untagged {c.untagged}</td>;
            })}</tr>
            {comparison.sections.map((row) => (
              <tr key={row.type} className={row.differs ? 'differs' : undefined} data-differs={row.differs} aria-label={`${row.label}${row.differs ? ' (differs)' : ''}`}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={i} className={cell.sections.length === 0 ? 'missing' : undefined}>
                    {cell.sections.length === 0 ? <span className="muted">No {row.label.toLowerCase()} section</span> :
                      cell.sections.map((s) => <SectionReadOnly key={s.id} section={s} markKeys={row.differingKeys} keyMark="distinct" mark={Object.fromEntries(cell.distinctItemIds.map((id) => [id, 'distinct']))} />)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
