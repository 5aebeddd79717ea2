import type { PersonaListQuery, PersonaStatus } from '../../../../common/persona';
import { ImportExport } from './ImportExport';
import { statusLabels } from './labels';

/** Search, status and tag filters, sort, and file import/export above the persona list. */
export function ListToolbar(props: {
  query: PersonaListQuery;
  onChange: (q: PersonaListQuery) => void;
  tags: string[];
  statuses: readonly PersonaStatus[];
  total: number;
  shown: number;
}) {
  const { query, onChange } = props;
  return (
    <div className="list-toolbar" role="search">
      <input dir="auto"
        type="search"
        aria-label="Search personas"
        placeholder="Search by name, role or tag"
        value={query.text}
        onChange={(e) => onChange({ ...query, text: e.target.value })}
      />
      <select aria-label="Status" value={query.status} onChange={(e) => onChange({ ...query, status: e.target.value as PersonaListQuery['status'] })}>
        <option value="all">All statuses</option>
        {props.statuses.map((s) => <option key={s} value={s}>{statusLabels[s]}</option>)}
      </select>
      <select aria-label="Tag" value={query.tag ?? ''} onChange={(e) => onChange({ ...query, tag: e.target.value || null })}>
        <option value="">All tags</option>
        {props.tags.map((t) => <option key={t} value={t}>{t}</option>)}
      </select>
      <select aria-label="Sort" value={query.sort} onChange={(e) => onChange({ ...query, sort: e.target.value as PersonaListQuery['sort'] })}>
        <option value="updated">Last changed</option>
        <option value="name">Name</option>
      </select>
      <span className="muted" aria-live="polite">{props.shown === props.total ? `${props.total} personas` : `${props.shown} of ${props.total}`}</span>
      <ImportExport />
    </div>
  );
}
