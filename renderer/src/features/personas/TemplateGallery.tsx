import { navigate } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';
import { builtInTemplates, createBlankPersona, createFromTemplate, newId, sectionItems, type PersonaTemplate } from '../../../../common/persona';
import { createPersona, currentAuthor, parseTemplate } from './store';

/** Create a persona: blank, or from a built-in or custom template. */
export default function TemplateGallery() {
  const db = useWorkspace();
  const custom = useLiveQuery('templates', { selector: { entity: 'persona' } }, parseTemplate, 'persona-templates');
  const create = async (template: PersonaTemplate | null) => {
    const c = { ids: newId, now: Date.now(), author: currentAuthor() };
    const doc = template ? createFromTemplate(template, c) : createBlankPersona(c);
    const saved = await createPersona(db, doc, template ? `Created from template "${template.name}"` : 'Created blank');
    if (!saved.ok) return showToast(saved.message, { tone: 'error' });
    navigate('personas', doc.id);
  };
  const templates = [...builtInTemplates, ...custom.items];
  return (
    <section>
      <header className="page-header">
        <h1>New persona</h1>
        <button type="button" onClick={() => navigate('personas')}>Back to list</button>
      </header>
      <ul className="cards template-gallery" aria-label="Templates">
        <li className="card template-card">
          <h2>Blank canvas</h2>
          <p className="muted">An identity header and nothing else: add sections from the palette.</p>
          <button type="button" className="primary" onClick={() => void create(null)}>Start blank</button>
        </li>
        {templates.map((t) => (
          <li key={t.id} className="card template-card" style={{ borderTopColor: t.body.accentColor }}>
            <h2>{t.name}</h2>
            <p className="muted">{t.category}{t.builtIn ? '' : ' · custom'}</p>
            <p>{t.description}</p>
            <p className="muted">{t.body.sections.length} sections · {t.body.sections.reduce((n, s) => n + (sectionItems(s)?.length ?? 0), 0)} items</p>
            <button type="button" className="primary" aria-label={`Use template ${t.name}`} onClick={() => void create(t)}>Use template</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
