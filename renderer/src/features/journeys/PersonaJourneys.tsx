import { useLiveQuery } from '../../db/hooks';
import { readJourneyDoc } from '../../../../common/journey';

/**
 * The journeys a persona is linked to (the brief's `cjm_links`), for the persona screen to embed:
 * `<PersonaJourneys personaId={id} />`. The link lives on the journey (`personaIds`), so the persona
 * side only reads; nothing is written to persona documents.
 */
export function PersonaJourneys({ personaId }: { personaId: string }) {
  const { items, loading } = useLiveQuery('journeys', { selector: { personaIds: { $elemMatch: { $eq: personaId } } } }, readJourneyDoc);
  if (loading) return null;
  return (
    <section className="persona-journeys" aria-label="Journeys of this persona">
      <h3>Journeys</h3>
      {items.length === 0 ? <p className="muted">No journey is linked to this persona yet. Link one from the journey's header.</p> : (
        <ul>
          {items.map((j) => (
            <li key={j.id}><a href={`#/journeys/${encodeURIComponent(j.id)}/map`}>{j.name}</a> <span className="muted">{j.status}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}
