import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { experimentLimits } from '../../../../common/experiments/model';
import type { Experiment, MetricKind } from '../../../../common/experiments/model';
import { useT } from '../../i18n';
import type { LogSummary } from '../../workers/experimentProtocol';
import { endOfDay, isoDay, parseDay } from './storedExperiment';

interface Props { draft: Experiment; logs: DatasetHeaderDoc[]; log: LogSummary | null; onChange: (next: Experiment) => void }

const metricKinds: MetricKind[] = ['conversion', 'value', 'timeToConvert'];

/** The experiment object: hypothesis, data, arms and planned split, metrics and the plan's numbers. */
export function ExperimentForm({ draft, logs, log, onChange }: Props) {
  const t = useT();
  const set = (patch: Partial<Experiment>) => onChange({ ...draft, ...patch });
  const events = log?.events ?? [];
  const props = log?.properties ?? [];
  const conversion = draft.primaryMetric.kind === 'conversion';
  const choose = <option value="">{t('experiments.form.choose')}</option>;
  const eventOptions = (value: string) => (
    <>
      {choose}
      {value && !events.includes(value) && <option value={value}>{t('experiments.form.notInLog', { name: value })}</option>}
      {events.map((n) => <option key={n} value={n}>{n}</option>)}
    </>
  );
  return (
    <form className="experiment-form" onSubmit={(ev) => ev.preventDefault()}>
      <label>{t('experiments.form.name')} <input value={draft.name} maxLength={experimentLimits.name} onChange={(ev) => set({ name: ev.target.value })} /></label>
      <label>{t('experiments.form.hypothesis')} <textarea value={draft.hypothesis} maxLength={experimentLimits.text} rows={2} onChange={(ev) => set({ hypothesis: ev.target.value })} /></label>
      <fieldset>
        <legend>{t('experiments.form.data')}</legend>
        <label>{t('experiments.form.eventLog')}
          <select value={draft.datasetId} onChange={(ev) => set({ datasetId: ev.target.value })}>
            {choose}
            {logs.map((l) => <option key={l.datasetId} value={l.datasetId}>{l.name}</option>)}
          </select>
        </label>
        <label>{t('experiments.form.assignmentEvent')} <select value={draft.assignmentEvent} onChange={(ev) => set({ assignmentEvent: ev.target.value })}>{eventOptions(draft.assignmentEvent)}</select></label>
        <label>{t('experiments.form.armColumn')}
          <select value={draft.armProperty} onChange={(ev) => set({ armProperty: ev.target.value })}>
            {choose}
            {props.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('experiments.form.arms')}</legend>
        {draft.arms.map((a, i) => (
          <div className="arm-row" key={i}>
            <input aria-label={t('experiments.form.armName', { n: i + 1 })} value={a.name} maxLength={60} onChange={(ev) => set({ arms: draft.arms.map((x, j) => (j === i ? { ...x, name: ev.target.value } : x)) })} />
            <input aria-label={t('experiments.form.armValue', { n: i + 1 })} value={a.value} maxLength={200} onChange={(ev) => set({ arms: draft.arms.map((x, j) => (j === i ? { ...x, value: ev.target.value } : x)) })} />
            <input aria-label={t('experiments.form.armShare', { n: i + 1 })} type="number" min={0} max={1000} step="any" value={a.share} onChange={(ev) => set({ arms: draft.arms.map((x, j) => (j === i ? { ...x, share: Number(ev.target.value) } : x)) })} />
            {i >= 2 && <button type="button" onClick={() => set({ arms: draft.arms.filter((_, j) => j !== i) })}>{t('experiments.form.remove')}</button>}
          </div>
        ))}
        {draft.arms.length < experimentLimits.arms && (
          <button type="button" onClick={() => set({ arms: [...draft.arms, { name: t('experiments.form.newArm', { n: draft.arms.length }), value: String.fromCharCode(65 + draft.arms.length), share: 1 }] })}>{t('experiments.form.addArm')}</button>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('experiments.form.primaryMetric')}</legend>
        <label>{t('experiments.form.kind')}
          <select value={draft.primaryMetric.kind} onChange={(ev) => set({ primaryMetric: { ...draft.primaryMetric, kind: ev.target.value as MetricKind } })}>
            {metricKinds.map((k) => <option key={k} value={k}>{t('experiments.form.metric', { kind: k })}</option>)}
          </select>
        </label>
        <label>{t('experiments.form.goalEvent')} <select value={draft.primaryMetric.event} onChange={(ev) => set({ primaryMetric: { ...draft.primaryMetric, event: ev.target.value } })}>{eventOptions(draft.primaryMetric.event)}</select></label>
        {draft.primaryMetric.kind === 'value' && (
          <label>{t('experiments.form.property')}
            <select value={draft.primaryMetric.property ?? ''} onChange={(ev) => set({ primaryMetric: { ...draft.primaryMetric, property: ev.target.value } })}>
              {choose}
              {props.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('experiments.form.guardrails')}</legend>
        {draft.guardrails.map((g, i) => (
          <div className="arm-row" key={i}>
            <input aria-label={t('experiments.form.guardrailName', { n: i + 1 })} value={g.name} maxLength={60} onChange={(ev) => set({ guardrails: draft.guardrails.map((x, j) => (j === i ? { ...x, name: ev.target.value } : x)) })} />
            <select aria-label={t('experiments.form.guardrailEvent', { n: i + 1 })} value={g.event} onChange={(ev) => set({ guardrails: draft.guardrails.map((x, j) => (j === i ? { ...x, event: ev.target.value } : x)) })}>{eventOptions(g.event)}</select>
            <button type="button" onClick={() => set({ guardrails: draft.guardrails.filter((_, j) => j !== i) })}>{t('experiments.form.remove')}</button>
          </div>
        ))}
        {draft.guardrails.length < experimentLimits.guardrails && <button type="button" onClick={() => set({ guardrails: [...draft.guardrails, { name: t('experiments.form.newGuardrail'), event: '' }] })}>{t('experiments.form.addGuardrail')}</button>}
      </fieldset>
      <fieldset className="plan-numbers">
        <legend>{t('experiments.form.plan')}</legend>
        <label>{t('experiments.form.mde', { kind: conversion ? 'conversion' : 'units' })}
          <input type="number" step="any" min={0} value={conversion ? +(draft.mde * 100).toPrecision(6) : draft.mde} onChange={(ev) => set({ mde: conversion ? Number(ev.target.value) / 100 : Number(ev.target.value) })} />
        </label>
        <label>{t('experiments.form.alpha')} <input type="number" step="any" min={0} max={0.2} value={draft.alpha} onChange={(ev) => set({ alpha: Number(ev.target.value) })} /></label>
        <label>{t('experiments.form.power')} <input type="number" step="any" min={0.5} max={0.99} value={draft.power} onChange={(ev) => set({ power: Number(ev.target.value) })} /></label>
        <label>{t('experiments.form.start')} <input type="date" value={isoDay(draft.start)} onChange={(ev) => { const d = parseDay(ev.target.value); if (d !== null) set({ start: d }); }} /></label>
        <label>{t('experiments.form.plannedEnd')} <input type="date" value={isoDay(draft.plannedEnd)} onChange={(ev) => { const d = parseDay(ev.target.value); if (d !== null) set({ plannedEnd: endOfDay(d) }); }} /></label>
      </fieldset>
    </form>
  );
}
