import { navigate } from '../../../app/route';
import { useLiveQuery } from '../../../db/hooks';
import { EmptyState, Loading } from '../../../ui/States';
import { ExportMenu } from '../../exports/ExportMenu';
import { comparePersonas, comparisonLimits, countEvidence, type PersonaDoc } from '../../../../../common/persona';
import { evidenceLabels, sectionTypeMessage, statusLabels } from '../labels';
import { useIntl } from 'react-intl';
import { useT, type MessageId } from '../../../i18n';
import { SectionReadOnly } from '../SectionReadOnly';
import { parsePersona, parseSummary } from '../store';
import './compare.css';
import { X } from '../../../ui/icons';

const fieldNames: Record<string, MessageId> = {
  role: 'personas.header.role', status: 'personas.sidebar.status', personaType: 'personas.header.type',
  domain: 'personas.sidebar.domain', owner: 'personas.sidebar.owner', tags: 'personas.sidebar.tags',
};

/** Two to four personas side by side, sections aligned by type, differences highlighted. */
export default function ComparePage({ ids }: { ids: string[] }) {
  const { items, loading } = useLiveQuery('personas', { selector: { id: { $in: ids } } }, parsePersona, `compare:${ids.join(',')}`);
  const all = useLiveQuery('personas', { selector: {} }, parseSummary, 'persona-list');
  const t = useT();
  const { locale } = useIntl();
  // A section name inside a sentence is lower case, except where nouns keep their capital (German);
  // scripts without case are unchanged by toLocaleLowerCase.
  const midSentence = (label: string) => (locale.startsWith('de') ? label : label.toLocaleLowerCase(locale));
  const showField = (v: unknown) => (Array.isArray(v) ? v.join(', ')
    : typeof v === 'string' ? (v in statusLabels ? t(statusLabels[v as keyof typeof statusLabels]) : v) || '—' : String(v));
  if (loading) return <Loading />;
  const personas = ids.map((id) => items.find((p) => p.id === id)).filter((p): p is PersonaDoc => !!p);
  const comparison = comparePersonas(personas);
  const setIds = (next: string[]) => navigate('personas', 'compare', ...next);
  return (
    <section className="persona-compare">
      <header className="page-header">
        <h1>{t('personas.compare.title')}</h1>
        {personas.length < comparisonLimits.max && (
          <select aria-label={t('personas.compare.addLabel')} value="" onChange={(e) => e.target.value && setIds([...ids, e.target.value])}>
            <option value="">{t('personas.compare.addOption')}</option>
            {all.items.filter((p) => !ids.includes(p.id)).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        )}
        {comparison && <ExportMenu target={{ kind: 'comparison', ids: personas.map((p) => p.id) }} />}
        <button type="button" onClick={() => navigate('personas')}>{t('personas.gallery.back')}</button>
      </header>
      {!comparison ? (
        <EmptyState title={t('personas.compare.emptyTitle')}>{t('personas.compare.emptyBody')}</EmptyState>
      ) : (
        <table className="compare-table" style={{ ['--cols' as string]: personas.length }}>
          <thead>
            <tr><th scope="col">{t('personas.compare.aspect')}</th>{personas.map((p, i) => (
              <th key={p.id} scope="col" style={{ borderTopColor: p.accentColor }}>
                <a href={`#/personas/${encodeURIComponent(p.id)}`}>{p.name}</a>
                <button type="button" className="ghost" aria-label={t('personas.compare.remove', { name: p.name })} onClick={() => setIds(ids.filter((_, j) => j !== i))}><X size={14} /></button>
              </th>
            ))}</tr>
          </thead>
          <tbody>
            {comparison.fields.map((f) => (
              <tr key={f.field} className={f.differs ? 'differs' : undefined} data-differs={f.differs}>
                <th scope="row">{fieldNames[f.field] ? t(fieldNames[f.field]!) : f.field}</th>{f.values.map((v, i) => <td key={i}>{showField(v)}</td>)}
              </tr>
            ))}
            <tr><th scope="row">{t('personas.sidebar.evidence')}</th>{personas.map((p) => {
              const c = countEvidence(p);
              return <td key={p.id}>{t('personas.compare.evidenceCell', {
                research: t(evidenceLabels.research), researchCount: c.research, data: t(evidenceLabels.data), dataCount: c.data,
                assumption: t(evidenceLabels.assumption), assumptionCount: c.assumption, untagged: c.untagged,
              })}</td>;
            })}</tr>
            {comparison.sections.map((row) => { const label = sectionTypeMessage(row.type) ? t(sectionTypeMessage(row.type)!) : row.label; return (
              <tr key={row.type} className={row.differs ? 'differs' : undefined} data-differs={row.differs} aria-label={row.differs ? t('personas.compare.rowDiffers', { label }) : label}>
                <th scope="row">{label}</th>
                {row.cells.map((cell, i) => (
                  <td key={i} className={cell.sections.length === 0 ? 'missing' : undefined}>
                    {cell.sections.length === 0 ? <span className="muted">{t('personas.compare.noSection', { label: midSentence(label) })}</span> :
                      cell.sections.map((s) => <SectionReadOnly key={s.id} section={s} markKeys={row.differingKeys} keyMark="distinct" mark={Object.fromEntries(cell.distinctItemIds.map((id) => [id, 'distinct']))} />)}
                  </td>
                ))}
              </tr>
            ); })}
          </tbody>
        </table>
      )}
    </section>
  );
}
