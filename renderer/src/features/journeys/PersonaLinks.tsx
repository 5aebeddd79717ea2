import { useLiveQuery } from '../../db/hooks';
import { setPersonaLink } from '../../../../common/journey';
import { parsePersonaRef } from './store';
import type { JourneyEditor } from './useJourneyEditor';
import { X } from '../../ui/icons';

/** The personas this journey is mapped for: chips to unlink, a picker to link one more. */
export function PersonaLinks({ editor }: { editor: JourneyEditor }) {
  const personas = useLiveQuery('personas', { selector: {} }, parsePersonaRef).items;
  const { journey } = editor;
  const linked = new Set(journey.personaIds);
  const name = (id: string) => personas.find((p) => p.id === id)?.name ?? 'Unknown persona';
  const link = (id: string, on: boolean) => editor.update({ personaIds: setPersonaLink(journey, id, on, 0).personaIds });
  return (
    <div className="chips persona-links" aria-label="Linked personas">
      {journey.personaIds.map((id) => (
        <span key={id} className="chip chip-persona">
          <a href={`#/personas/${encodeURIComponent(id)}`}>{name(id)}</a>
          <button type="button" className="ghost" aria-label={`Unlink ${name(id)}`} onClick={() => link(id, false)}><X size={14} /></button>
        </span>
      ))}
      <select aria-label="Link a persona" value="" onChange={(e) => e.target.value && link(e.target.value, true)}>
        <option value="">{personas.length ? '+ Link persona' : 'No personas yet'}</option>
        {personas.filter((p) => !linked.has(p.id)).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
    </div>
  );
}
