import { useT } from '../../i18n';
import { useLiveQuery } from '../../db/hooks';
import { setPersonaLink } from '../../../../common/journey';
import { parsePersonaRef } from './store';
import type { JourneyEditor } from './useJourneyEditor';
import { X } from '../../ui/icons';

/** The personas this journey is mapped for: chips to unlink, a picker to link one more. */
export function PersonaLinks({ editor }: { editor: JourneyEditor }) {
  const t = useT();
  const personas = useLiveQuery('personas', { selector: {} }, parsePersonaRef).items;
  const { journey } = editor;
  const linked = new Set(journey.personaIds);
  const name = (id: string) => personas.find((p) => p.id === id)?.name ?? t('journeys.list.unknownPersona');
  const link = (id: string, on: boolean) => editor.update({ personaIds: setPersonaLink(journey, id, on, 0).personaIds });
  return (
    <div className="chips persona-links" aria-label={t('journeys.personas.linked')}>
      {journey.personaIds.map((id) => (
        <span key={id} className="chip chip-persona">
          <a href={`#/personas/${encodeURIComponent(id)}`}>{name(id)}</a>
          <button type="button" className="ghost" aria-label={t('journeys.personas.unlink', { name: name(id) })} onClick={() => link(id, false)}><X size={14} /></button>
        </span>
      ))}
      <select aria-label={t('journeys.personas.linkLabel')} value="" onChange={(e) => e.target.value && link(e.target.value, true)}>
        <option value="">{t(personas.length ? 'journeys.personas.link' : 'journeys.personas.none')}</option>
        {personas.filter((p) => !linked.has(p.id)).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
    </div>
  );
}
