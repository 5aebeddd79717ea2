import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { experimentLimits } from '../../../../common/experiments/model';
import type { Experiment, MetricKind } from '../../../../common/experiments/model';
import type { LogSummary } from '../../workers/experimentProtocol';
import { endOfDay, isoDay, parseDay } from './storedExperiment';

interface Props { draft: Experiment; logs: DatasetHeaderDoc[]; log: LogSummary | null; onChange: (next: Experiment) => void }

const metricLabels: Record<MetricKind, string> = { conversion: 'Goal conversion', value: 'Numeric property (sum per customer)', timeToConvert: 'Time to convert (hours)' };

/** The experiment object: hypothesis, data, arms and planned split, metrics and the plan's numbers. */
export function ExperimentForm({ draft, logs, log, onChange }: Props) {
  const set = (patch: Partial<Experiment>) => onChange({ ...draft, ...patch });
  const events = log?.events ?? [];
  const props = log?.properties ?? [];
  const conversion = draft.primaryMetric.kind === 'conversion';
  const eventOptions = (value: string) => (
    <>
      <option value="">Choose…</option>
      {value && !events.includes(value) && <option value={value}>{value} (not in the log)</option>}
      {events.map((n) => <option key={n} value={n}>{n}</option>)}
    </>
  );
  return (
    <form className="experiment-form" onSubmit={(ev) => ev.preventDefault()}>
      <label>Name <input value={draft.name} maxLength={experimentLimits.name} onChange={(ev) => set({ name: ev.target.value })} /></label>
      <label>Hypothesis <textarea value={draft.hypothesis} maxLength={experimentLimits.text} rows={2} onChange={(ev) => set({ hypothesis: ev.target.value })} /></label>
      <fieldset>
        <legend>Data</legend>
        <label>Event log
          <select value={draft.datasetId} onChange={(ev) => set({ datasetId: ev.target.value })}>
            <option value="">Choose…</option>
            {logs.map((l) => <option key={l.datasetId} value={l.datasetId}>{l.name}</option>)}
          </select>
        </label>
        <label>Assignment event <select value={draft.assignmentEvent} onChange={(ev) => set({ assignmentEvent: ev.target.value })}>{eventOptions(draft.assignmentEvent)}</select></label>
        <label>Arm column
          <select value={draft.armProperty} onChange={(ev) => set({ armProperty: ev.target.value })}>
            <option value="">Choose…</option>
            {props.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Arms and planned split (the first arm is the control)</legend>
        {draft.arms.map((a, i) => (
          <div className="arm-row" key={i}>
            <input aria-label={`Arm ${i + 1} name`} value={a.name} maxLength={60} onChange={(ev) => set({ arms: draft.arms.map((x, j) => (j === i ? { ...x, name: ev.target.value } : x)) })} />
            <input aria-label={`Arm ${i + 1} value`} value={a.value} maxLength={200} onChange={(ev) => set({ arms: draft.arms.map((x, j) => (j === i ? { ...x, value: ev.target.value } : x)) })} />
            <input aria-label={`Arm ${i + 1} share`} type="number" min={0} max={1000} step="any" value={a.share} onChange={(ev) => set({ arms: draft.arms.map((x, j) => (j === i ? { ...x, share: Number(ev.target.value) } : x)) })} />
            {i >= 2 && <button type="button" onClick={() => set({ arms: draft.arms.filter((_, j) => j !== i) })}>Remove</button>}
          </div>
        ))}
        {draft.arms.length < experimentLimits.arms && (
          <button type="button" onClick={() => set({ arms: [...draft.arms, { name: `Variant ${draft.arms.length}`, value: String.fromCharCode(65 + draft.arms.length), share: 1 }] })}>Add arm</button>
        )}
      </fieldset>
      <fieldset>
        <legend>Primary metric</legend>
        <label>Kind
          <select value={draft.primaryMetric.kind} onChange={(ev) => set({ primaryMetric: { ...draft.primaryMetric, kind: ev.target.value as MetricKind } })}>
            {(Object.keys(metricLabels) as MetricKind[]).map((k) => <option key={k} value={k}>{metricLabels[k]}</option>)}
          </select>
        </label>
        <label>Goal event <select value={draft.primaryMetric.event} onChange={(ev) => set({ primaryMetric: { ...draft.primaryMetric, event: ev.target.value } })}>{eventOptions(draft.primaryMetric.event)}</select></label>
        {draft.primaryMetric.kind === 'value' && (
          <label>Property
            <select value={draft.primaryMetric.property ?? ''} onChange={(ev) => set({ primaryMetric: { ...draft.primaryMetric, property: ev.target.value } })}>
              <option value="">Choose…</option>
              {props.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>Guardrails (their rate must not rise)</legend>
        {draft.guardrails.map((g, i) => (
          <div className="arm-row" key={i}>
            <input aria-label={`Guardrail ${i + 1} name`} value={g.name} maxLength={60} onChange={(ev) => set({ guardrails: draft.guardrails.map((x, j) => (j === i ? { ...x, name: ev.target.value } : x)) })} />
            <select aria-label={`Guardrail ${i + 1} event`} value={g.event} onChange={(ev) => set({ guardrails: draft.guardrails.map((x, j) => (j === i ? { ...x, event: ev.target.value } : x)) })}>{eventOptions(g.event)}</select>
            <button type="button" onClick={() => set({ guardrails: draft.guardrails.filter((_, j) => j !== i) })}>Remove</button>
          </div>
        ))}
        {draft.guardrails.length < experimentLimits.guardrails && <button type="button" onClick={() => set({ guardrails: [...draft.guardrails, { name: 'Guardrail', event: '' }] })}>Add guardrail</button>}
      </fieldset>
      <fieldset className="plan-numbers">
        <legend>Plan</legend>
        <label>{conversion ? 'Minimum detectable effect (points)' : 'Minimum detectable effect (metric units)'}
          <input type="number" step="any" min={0} value={conversion ? +(draft.mde * 100).toPrecision(6) : draft.mde} onChange={(ev) => set({ mde: conversion ? Number(ev.target.value) / 100 : Number(ev.target.value) })} />
        </label>
        <label>Alpha <input type="number" step="any" min={0} max={0.2} value={draft.alpha} onChange={(ev) => set({ alpha: Number(ev.target.value) })} /></label>
        <label>Power <input type="number" step="any" min={0.5} max={0.99} value={draft.power} onChange={(ev) => set({ power: Number(ev.target.value) })} /></label>
        <label>Start <input type="date" value={isoDay(draft.start)} onChange={(ev) => { const t = parseDay(ev.target.value); if (t !== null) set({ start: t }); }} /></label>
        <label>Planned end <input type="date" value={isoDay(draft.plannedEnd)} onChange={(ev) => { const t = parseDay(ev.target.value); if (t !== null) set({ plannedEnd: endOfDay(t) }); }} /></label>
      </fieldset>
    </form>
  );
}
