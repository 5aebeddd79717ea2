import { useMemo } from 'react';
import { navigate } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { useT, useTemplateText } from '../../i18n';
import { localizeTemplate } from '../../../../common/i18n/templateText';
import { builtInTemplates, createFromTemplate, createJourney, type JourneyTemplate } from '../../../../common/journey';
import { newJourneyId, now, parseTemplate, saveJourney } from './store';

/** Built-in and saved templates; picking one creates a draft journey and opens it. */
export function TemplateGallery() {
  const t = useT();
  const db = useWorkspace();
  const custom = useLiveQuery('templates', { selector: { entity: 'journey' } }, parseTemplate).items;
  // Built-in templates in the app's language: the journey made from one starts with that text.
  const texts = useTemplateText();
  const builtIns = useMemo(() => builtInTemplates().map((tpl) => localizeTemplate(tpl, texts)), [texts]);
  const create = async (template: JourneyTemplate | null) => {
    const at = now();
    const journey = template
      ? createFromTemplate(template, { id: newJourneyId(), now: at })
      : createJourney({ id: newJourneyId(), name: t('journeys.templates.untitled'), now: at });
    await saveJourney(db, journey);
    navigate('journeys', journey.id, 'map');
  };
  const card = (tpl: JourneyTemplate) => (
    <li key={tpl.id} className="card template-card">
      <h3>{tpl.name}</h3>
      <p className="muted">{t('journeys.templates.counts', { category: tpl.category, stages: tpl.body.map.stages.length, steps: tpl.body.flow.nodes.length })}</p>
      <p>{tpl.description}</p>
      <div className="stage-strip" aria-hidden="true">
        {tpl.body.map.stages.map((s) => <span key={s.id} style={{ background: s.colour }} title={s.name} />)}
      </div>
      <button type="button" className="primary" onClick={() => void create(tpl)} aria-label={t('journeys.templates.useNamed', { name: tpl.name })}>{t('journeys.templates.use')}</button>
    </li>
  );
  return (
    <section className="journeys">
      <header className="page-header">
        <h1>{t('journeys.list.new')}</h1>
        <div className="toolbar">
          <button type="button" onClick={() => navigate('journeys')}>{t('journeys.backToList')}</button>
          <button type="button" onClick={() => void create(null)}>{t('journeys.templates.blank')}</button>
        </div>
      </header>
      <h2>{t('journeys.templates.builtIn')}</h2>
      <ul className="template-grid">{builtIns.map(card)}</ul>
      <h2>{t('journeys.templates.yours')}</h2>
      {custom.length === 0 ? <p className="muted">{t('journeys.templates.yoursEmpty')}</p> : (
        <ul className="template-grid">{custom.map(card)}</ul>
      )}
    </section>
  );
}
