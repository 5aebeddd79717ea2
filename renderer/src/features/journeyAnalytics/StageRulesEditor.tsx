import { useId, useState } from 'react';
import { eventRuleLimits, nameMatchKinds, type EventRule, type JourneyChange, type Stage } from '../../../../common/journey';
import type { LoadedLog } from '../../workers/journeyProtocol';

const kindLabel: Record<(typeof nameMatchKinds)[number], string> = { equals: 'is', startsWith: 'starts with', oneOf: 'is one of' };

/** Splits a comma-separated list, dropping blanks and repeats. */
export function splitValues(text: string): string[] {
  return [...new Set(text.split(',').map((v) => v.trim()).filter((v) => v !== ''))];
}

/**
 * Edits one stage's event rules in place: remove a rule, or add one (name is / starts with / is one
 * of, optionally "where <property> is one of …"). Event names from the log are offered as suggestions.
 */
export function StageRulesEditor({ stage, log, dispatch, onClose }: {
  stage: Stage; log: LoadedLog; dispatch: (...c: JourneyChange[]) => boolean; onClose: () => void;
}) {
  const listId = useId();
  const [match, setMatch] = useState<EventRule['match']>('equals');
  const [values, setValues] = useState('');
  const [property, setProperty] = useState('');
  const [propertyValues, setPropertyValues] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const rules = stage.events ?? [];
  const save = (next: EventRule[]) => dispatch({ type: 'updateStage', stageId: stage.id, patch: { events: next } });

  const add = () => {
    const names = splitValues(values);
    if (names.length === 0) { setProblem('Name at least one event.'); return; }
    if (match !== 'oneOf' && names.length > 1) { setProblem('Use "is one of" for several names.'); return; }
    if (names.length > eventRuleLimits.valuesPerRule || names.some((n) => n.length > eventRuleLimits.text)) { setProblem(`At most ${eventRuleLimits.valuesPerRule} names of ${eventRuleLimits.text} characters.`); return; }
    if (rules.length >= eventRuleLimits.rulesPerStage) { setProblem(`A stage holds at most ${eventRuleLimits.rulesPerStage} rules.`); return; }
    const where = property && splitValues(propertyValues).length > 0 ? [{ property, values: splitValues(propertyValues) }] : undefined;
    if (property && !where) { setProblem(`Give the values of ${property}, or choose no property.`); return; }
    save([...rules, { match, values: names, ...(where ? { where } : {}) }]);
    setValues(''); setPropertyValues(''); setProblem(null);
  };

  return (
    <div className="rules-editor" role="group" aria-label={`Events of ${stage.name}`}>
      <ul className="rule-list">
        {rules.map((r, i) => (
          <li key={i}>
            <span>{kindLabel[r.match]} {r.values.join(', ')}{r.where?.map((c) => ` · ${c.property} ∈ ${c.values.join(', ')}`).join('')}</span>
            <button type="button" className="icon" aria-label={`Remove rule ${i + 1} of ${stage.name}`} onClick={() => save(rules.filter((_, k) => k !== i))}>×</button>
          </li>
        ))}
      </ul>
      <select aria-label="How the event name matches" value={match} onChange={(e) => setMatch(e.target.value as EventRule['match'])}>
        {nameMatchKinds.map((k) => <option key={k} value={k}>{kindLabel[k]}</option>)}
      </select>
      <input aria-label="Event names" list={listId} value={values} placeholder="event name(s), comma-separated" onChange={(e) => setValues(e.target.value)} />
      <datalist id={listId}>{log.eventNames.slice(0, 200).map((n) => <option key={n.name} value={n.name} />)}</datalist>
      <select aria-label="Property condition" value={property} onChange={(e) => setProperty(e.target.value)}>
        <option value="">no property condition</option>
        {log.properties.map((p) => <option key={p} value={p}>where {p} is one of…</option>)}
      </select>
      {property && <input aria-label={`Values of ${property}`} value={propertyValues} placeholder="values, comma-separated" onChange={(e) => setPropertyValues(e.target.value)} />}
      {problem && <p className="error" role="alert">{problem}</p>}
      <div className="row-actions">
        <button type="button" className="primary" onClick={add}>Add rule</button>
        <button type="button" onClick={onClose}>Done</button>
      </div>
    </div>
  );
}
