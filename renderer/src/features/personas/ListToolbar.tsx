import type { PersonaListQuery, PersonaStatus } from '../../../../common/persona';
import { ImportExport } from './ImportExport';
import { statusLabels } from './labels';
import { useT } from '../../i18n';

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
  const t = useT();
  return (
    <div className="list-toolbar" role="search">
      <input dir="auto"
        type="search"
        aria-label={t('personas.toolbar.search')}
        placeholder={t('personas.toolbar.searchPlaceholder')}
        value={query.text}
        onChange={(e) => onChange({ ...query, text: e.target.value })}
      />
      <select aria-label={t('personas.toolbar.status')} value={query.status} onChange={(e) => onChange({ ...query, status: e.target.value as PersonaListQuery['status'] })}>
        <option value="all">{t('personas.toolbar.allStatuses')}</option>
        {props.statuses.map((s) => <option key={s} value={s}>{t(statusLabels[s])}</option>)}
      </select>
      <select aria-label={t('personas.toolbar.tag')} value={query.tag ?? ''} onChange={(e) => onChange({ ...query, tag: e.target.value || null })}>
        <option value="">{t('personas.toolbar.allTags')}</option>
        {props.tags.map((tag) => <option key={tag} value={tag}>{tag}</option>)}
      </select>
      <select aria-label={t('personas.toolbar.sort')} value={query.sort} onChange={(e) => onChange({ ...query, sort: e.target.value as PersonaListQuery['sort'] })}>
        <option value="updated">{t('personas.toolbar.sortUpdated')}</option>
        <option value="name">{t('personas.toolbar.sortName')}</option>
      </select>
      <span className="muted" aria-live="polite">{props.shown === props.total ? t('personas.toolbar.total', { total: props.total }) : t('personas.toolbar.shownOfTotal', { shown: props.shown, total: props.total })}</span>
      <ImportExport />
    </div>
  );
}
