import { useId, useState } from 'react';
import { eventRuleLimits, nameMatchKinds, type EventRule, type JourneyChange, type Stage } from '../../../../common/journey';
import { useT, type MessageId } from '../../i18n';
import type { LoadedLog } from '../../workers/journeyProtocol';
import { useJourneyFormat } from './journeyFormat';
import { ruleText } from './ruleText';

const kindLabel: Record<(typeof nameMatchKinds)[number], MessageId> = {
  equals: 'journeyAnalytics.editor.equals', startsWith: 'journeyAnalytics.editor.startsWith', oneOf: 'journeyAnalytics.editor.oneOf',
};

/** Splits a comma-separated list, dropping blanks and repeats. */
export function splitValues(text: string): string[] {
  return [...new Set(text.split(',').map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Edits one stage's event rules in place (see {@link RulesEditor}). */
export function StageRulesEditor({ stage, log, dispatch, onClose }: {
  stage: Stage; log: LoadedLog; dispatch: (...c: JourneyChange[]) => boolean; onClose: () => void;
}) {
  const t = useT();
  return (
    <RulesEditor rules={stage.events ?? []} log={log} onClose={onClose}
      label={t('journeyAnalytics.editor.label', { stage: stage.name })}
      removeLabel={(i) => t('journeyAnalytics.editor.remove', { rule: i + 1, stage: stage.name })}
      tooMany={t('journeyAnalytics.editor.tooMany', { rules: eventRuleLimits.rulesPerStage })}
      onSave={(events) => dispatch({ type: 'updateStage', stageId: stage.id, patch: { events } })} />
  );
}

/**
 * Edits a list of event rules in place, for a stage or a touchpoint card: remove a rule, or add one
 * (name is / starts with / is one of, optionally "where <property> is one of …"). Event names from the
 * log are offered as suggestions. A rule that would not be valid is refused with a message and the
 * typed text is kept, so nothing is lost.
 */
export function RulesEditor({ rules, log, label, removeLabel, tooMany, onSave, onClose }: {
  rules: EventRule[]; log: LoadedLog; label: string; removeLabel: (index: number) => string; tooMany: string;
  onSave: (next: EventRule[]) => boolean; onClose: () => void;
}) {
  const listId = useId();
  const t = useT();
  const fmt = useJourneyFormat();
  const [match, setMatch] = useState<EventRule['match']>('equals');
  const [values, setValues] = useState('');
  const [property, setProperty] = useState('');
  const [propertyValues, setPropertyValues] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = (next: EventRule[]) => onSave(next);

  const add = () => {
    const names = splitValues(values);
    if (names.length === 0) { setProblem(t('journeyAnalytics.editor.noName')); return; }
    if (match !== 'oneOf' && names.length > 1) { setProblem(t('journeyAnalytics.editor.severalNames')); return; }
    if (names.length > eventRuleLimits.valuesPerRule || names.some((n) => n.length > eventRuleLimits.text)) { setProblem(t('journeyAnalytics.editor.tooLong', { names: eventRuleLimits.valuesPerRule, characters: eventRuleLimits.text })); return; }
    if (rules.length >= eventRuleLimits.rulesPerStage) { setProblem(tooMany); return; }
    const where = property && splitValues(propertyValues).length > 0 ? [{ property, values: splitValues(propertyValues) }] : undefined;
    if (property && !where) { setProblem(t('journeyAnalytics.editor.noValues', { property })); return; }
    if (!save([...rules, { match, values: names, ...(where ? { where } : {}) }])) return;
    setValues(''); setPropertyValues(''); setProblem(null);
  };

  return (
    <div className="rules-editor" role="group" aria-label={label}>
      <ul className="rule-list">
        {rules.map((r, i) => (
          <li key={i}>
            <span>{ruleText(r, fmt)}</span>
            <button type="button" className="icon" aria-label={removeLabel(i)} onClick={() => save(rules.filter((_, k) => k !== i))}>×</button>
          </li>
        ))}
      </ul>
      <select aria-label={t('journeyAnalytics.editor.match')} value={match} onChange={(e) => setMatch(e.target.value as EventRule['match'])}>
        {nameMatchKinds.map((k) => <option key={k} value={k}>{t(kindLabel[k])}</option>)}
      </select>
      <input aria-label={t('journeyAnalytics.editor.names')} list={listId} value={values} placeholder={t('journeyAnalytics.editor.namesHint')} onChange={(e) => setValues(e.target.value)} />
      <datalist id={listId}>{log.eventNames.slice(0, 200).map((n) => <option key={n.name} value={n.name} />)}</datalist>
      <select aria-label={t('journeyAnalytics.editor.property')} value={property} onChange={(e) => setProperty(e.target.value)}>
        <option value="">{t('journeyAnalytics.editor.noProperty')}</option>
        {log.properties.map((p) => <option key={p} value={p}>{t('journeyAnalytics.editor.whereProperty', { property: p })}</option>)}
      </select>
      {property && <input aria-label={t('journeyAnalytics.editor.values', { property })} value={propertyValues} placeholder={t('journeyAnalytics.editor.valuesHint')} onChange={(e) => setPropertyValues(e.target.value)} />}
      {problem && <p className="error" role="alert">{problem}</p>}
      <div className="row-actions">
        <button type="button" className="primary" onClick={add}>{t('journeyAnalytics.editor.add')}</button>
        <button type="button" onClick={onClose}>{t('journeyAnalytics.editor.done')}</button>
      </div>
    </div>
  );
}
