import { routeHash } from '../../app/route';
import type { PersonaSummary } from '../../../../common/persona';
import { DriftBadge } from '../analytics/DriftBadge';
import { Avatar } from './Avatar';
import { statusLabels } from './labels';

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
  return (
    <li className="card persona-card" style={{ borderTopColor: p.accentColor }} aria-label={p.name}>
      <div className="persona-card-head">
        <Avatar name={p.name} photoAssetId={p.photoAssetId} colour={p.accentColor} />
        <div>
          <a className="persona-card-name" href={routeHash('personas', p.id)}>{p.name}</a>
          <div className="muted">{p.role || 'No role yet'}</div>
        </div>
      </div>
      <div className="persona-card-meta">
        <span className={`status status-${p.status}`}>{statusLabels[p.status]}</span>
        {p.tags.slice(0, 4).map((t) => <span key={t} className="tag">{t}</span>)}
        <DriftBadge personaId={p.id} />
      </div>
      <div className="persona-card-actions">
        <label className="compare-check"><input type="checkbox" checked={props.selected} onChange={props.onSelect} /> Compare</label>
        <button type="button" className="ghost" onClick={props.onClone}>Clone</button>
        <button type="button" className="ghost" onClick={props.onToggleActive}>{p.status === 'inactive' ? 'Set active' : 'Set inactive'}</button>
        <button type="button" className="ghost" onClick={props.onDelete}>Delete</button>
      </div>
    </li>
  );
}
