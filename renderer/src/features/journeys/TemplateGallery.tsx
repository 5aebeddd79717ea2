import { navigate } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { builtInTemplates, createFromTemplate, createJourney, type JourneyTemplate } from '../../../../common/journey';
import { newJourneyId, now, parseTemplate, saveJourney } from './store';

/** Built-in and saved templates; picking one creates a draft journey and opens it. */
export function TemplateGallery() {
  const db = useWorkspace();
  const custom = useLiveQuery('templates', { selector: { entity: 'journey' } }, parseTemplate).items;
  const create = async (template: JourneyTemplate | null) => {
    const at = now();
    const journey = template
      ? createFromTemplate(template, { id: newJourneyId(), now: at })
      : createJourney({ id: newJourneyId(), name: 'Untitled journey', now: at });
    await saveJourney(db, journey);
    navigate('journeys', journey.id, 'map');
  };
  const card = (t: JourneyTemplate) => (
    <li key={t.id} className="card template-card">
      <h3>{t.name}</h3>
      <p className="muted">{t.category} · {t.body.map.stages.length} stages · {t.body.flow.nodes.length} flow steps</p>
      <p>{t.description}</p>
      <div className="stage-strip" aria-hidden="true">
        {t.body.map.stages.map((s) => <span key={s.id} style={{ background: s.colour }} title={s.name} />)}
      </div>
      <button type="button" className="primary" onClick={() => void create(t)} aria-label={`Use template ${t.name}`}>Use template</button>
    </li>
  );
  return (
    <section className="journeys">
      <header className="page-header">
        <h1>New journey</h1>
        <div className="toolbar">
          <button type="button" onClick={() => navigate('journeys')}>Back to journeys</button>
          <button type="button" onClick={() => void create(null)}>Blank journey</button>
        </div>
      </header>
      <h2>Built-in templates</h2>
      <ul className="template-grid">{builtInTemplates().map(card)}</ul>
      <h2>Your templates</h2>
      {custom.length === 0 ? <p className="muted">Save any journey as a template from its editor and it appears here.</p> : (
        <ul className="template-grid">{custom.map(card)}</ul>
      )}
    </section>
  );
}
