import { routeHash } from '../../app/route';
import type { PersonaSummary } from '../../../../common/persona';
import { DriftBadge } from '../analytics/DriftBadge';
import { Avatar } from './Avatar';
import { statusLabels } from './labels';
import { useT } from '../../i18n';

/** One persona in the list, with its actions. */
export function PersonaCard(props: {
  persona: PersonaSummary;
  selected: boolean;
  onSelect: () => void;
  onClone: () => void;
  onToggleActive: () => void;
  onDelete: () => void;
}) {
  const p = props.persona;
  const t = useT();
  return (
    <li className="card persona-card" style={{ borderTopColor: p.accentColor }} aria-label={p.name}>
      <div className="persona-card-head">
        <Avatar name={p.name} photoAssetId={p.photoAssetId} colour={p.accentColor} />
        <div>
          <a className="persona-card-name" href={routeHash('personas', p.id)}>{p.name}</a>
          <div className="muted">{p.role || t('personas.card.noRole')}</div>
        </div>
      </div>
      <div className="persona-card-meta">
        <span className={`status status-${p.status}`}>{t(statusLabels[p.status])}</span>
        {p.tags.slice(0, 4).map((tag) => <span key={tag} className="tag">{tag}</span>)}
        <DriftBadge personaId={p.id} />
      </div>
      <div className="persona-card-actions">
        <label className="compare-check"><input type="checkbox" checked={props.selected} onChange={props.onSelect} /> {t('personas.card.compare')}</label>
        <button type="button" className="ghost" onClick={props.onClone}>{t('personas.card.clone')}</button>
        <button type="button" className="ghost" onClick={props.onToggleActive}>{t(p.status === 'inactive' ? 'personas.card.setActive' : 'personas.card.setInactive')}</button>
        <button type="button" className="ghost" onClick={props.onDelete}>{t('personas.list.delete')}</button>
      </div>
    </li>
  );
}
