import { useT, type MessageId } from '../../i18n';
import { useLiveQuery } from '../../db/hooks';
import { readJourneyDoc, type JourneyStatus } from '../../../../common/journey';

/**
 * The journeys a persona is linked to (the brief's `cjm_links`), for the persona screen to embed:
 * `<PersonaJourneys personaId={id} />`. The link lives on the journey (`personaIds`), so the persona
 * side only reads; nothing is written to persona documents.
 */
const statusLabel: Record<JourneyStatus, MessageId> = { draft: 'journeys.status.draft', active: 'journeys.status.active', archived: 'journeys.status.archived' };

export function PersonaJourneys({ personaId }: { personaId: string }) {
  const t = useT();
  const { items, loading } = useLiveQuery('journeys', { selector: { personaIds: { $elemMatch: { $eq: personaId } } } }, readJourneyDoc);
  if (loading) return null;
  return (
    <section className="persona-journeys" aria-label={t('journeys.personas.ofPersona')}>
      <h3>{t('journeys.list.title')}</h3>
      {items.length === 0 ? <p className="muted">{t('journeys.personas.noneLinked')}</p> : (
        <ul>
          {items.map((j) => (
            <li key={j.id}><a href={`#/journeys/${encodeURIComponent(j.id)}/map`}>{j.name}</a> <span className="muted">{t(statusLabel[j.status])}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}
