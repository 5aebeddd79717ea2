import { useMemo } from 'react';
import { navigate } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { showToast } from '../../ui/toast';
import { builtInTemplates, createBlankPersona, createFromTemplate, newId, sectionItems, type PersonaTemplate } from '../../../../common/persona';
import { createPersona, currentAuthor, parseTemplate } from './store';
import { translate, useT, useTemplateText } from '../../i18n';
import { localizeTemplate } from '../../../../common/i18n/templateText';

/** Create a persona: blank, or from a built-in or custom template. */
export default function TemplateGallery() {
  const db = useWorkspace();
  const t = useT();
  const custom = useLiveQuery('templates', { selector: { entity: 'persona' } }, parseTemplate, 'persona-templates');
  const create = async (template: PersonaTemplate | null) => {
    const c = { ids: newId, now: Date.now(), author: currentAuthor() };
    const doc = template ? createFromTemplate(template, c) : createBlankPersona(c);
    const saved = await createPersona(db, doc, template ? translate('personas.gallery.createdFrom', { name: template.name }) : translate('personas.gallery.createdBlank'));
    if (!saved.ok) return showToast(saved.message, { tone: 'error' });
    navigate('personas', doc.id);
  };
  // Built-in templates in the app's language: the persona made from one starts with that text.
  const texts = useTemplateText();
  const builtIns = useMemo(() => builtInTemplates.map((tpl) => localizeTemplate(tpl, texts)), [texts]);
  const templates = [...builtIns, ...custom.items];
  return (
    <section>
      <header className="page-header">
        <h1>{t('personas.gallery.title')}</h1>
        <button type="button" onClick={() => navigate('personas')}>{t('personas.gallery.back')}</button>
      </header>
      <ul className="cards template-gallery" aria-label={t('personas.gallery.templates')}>
        <li className="card template-card">
          <h2>{t('personas.gallery.blankTitle')}</h2>
          <p className="muted">{t('personas.gallery.blankBody')}</p>
          <button type="button" className="primary" onClick={() => void create(null)}>{t('personas.gallery.startBlank')}</button>
        </li>
        {templates.map((tpl) => (
          <li key={tpl.id} className="card template-card" style={{ borderTopColor: tpl.body.accentColor }}>
            <h2>{tpl.name}</h2>
            <p className="muted">{tpl.builtIn ? tpl.category : t('personas.gallery.custom', { category: tpl.category })}</p>
            <p>{tpl.description}</p>
            <p className="muted">{t('personas.gallery.counts', { sections: tpl.body.sections.length, items: tpl.body.sections.reduce((n, s) => n + (sectionItems(s)?.length ?? 0), 0) })}</p>
            <button type="button" className="primary" aria-label={t('personas.gallery.useNamed', { name: tpl.name })} onClick={() => void create(tpl)}>{t('personas.gallery.use')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
