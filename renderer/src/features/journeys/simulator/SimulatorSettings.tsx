import type { Dispatch, SetStateAction } from 'react';
import type { DatasetHeaderDoc } from '../../../../../common/analytics/format';
import type { JourneyFlow } from '../../../../../common/journey';
import { maxSimulatedCustomers } from '../../../../../common/flowEngine';
import { useT } from '../../../i18n';
import { decisions, waitUntils, type SimForm } from './simForm';

/** A number field that keeps what was typed (NaN when not a number) for the form check to explain. */
function NumberField({ label, value, onChange, min, max, disabled }: { label: string; value: number; onChange: (v: number) => void; min: number; max: number; disabled: boolean }) {
  return (
    <input type="number" aria-label={label} min={min} max={max} value={Number.isNaN(value) ? '' : value} disabled={disabled}
      onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))} />
  );
}

/** Population, period, and the designer's guesses: branch chances and wait-until event delays. */
export function SimulatorSettings({ form, setForm, flow, surveys, logs, disabled }: {
  form: SimForm; setForm: Dispatch<SetStateAction<SimForm>>; flow: JourneyFlow;
  surveys: DatasetHeaderDoc[]; logs: DatasetHeaderDoc[]; disabled: boolean;
}) {
  const t = useT();
  const patch = (p: Partial<SimForm>) => setForm((f) => ({ ...f, ...p }));
  const triggers = flow.nodes.filter((n) => n.kind === 'trigger');
  const choices = form.population === 'dataset' ? surveys : logs;
  const splits = decisions(flow);
  const waits = waitUntils(flow);
  return (
    <div className="sim-settings">
      <fieldset disabled={disabled}>
        <legend>{t('simulator.population')}</legend>
        <select aria-label={t('simulator.population')} value={form.population} onChange={(e) => patch({ population: e.target.value as SimForm['population'], datasetId: '' })}>
          <option value="generated">{t('simulator.population.generated')}</option>
          <option value="dataset">{t('simulator.population.dataset')}</option>
          <option value="eventLog">{t('simulator.population.eventLog')}</option>
        </select>
        {form.population === 'generated' ? (
          <label>{t('simulator.customers')} <NumberField label={t('simulator.customersLabel')} value={form.count} min={1} max={maxSimulatedCustomers} disabled={disabled} onChange={(count) => patch({ count })} /></label>
        ) : (
          <select aria-label={t('simulator.data')} value={form.datasetId} onChange={(e) => patch({ datasetId: e.target.value })}>
            <option value="">{choices.length === 0 ? t(form.population === 'dataset' ? 'simulator.noDatasets' : 'simulator.noLogs') : t('simulator.choose')}</option>
            {choices.map((h) => <option key={h.datasetId} value={h.datasetId}>{t('simulator.dataOption', { name: h.name, rows: h.rowCount })}</option>)}
          </select>
        )}
        {form.population === 'generated' && <p className="muted">{t('simulator.generatedNote')}</p>}
        {triggers.length > 1 && (
          <label>{t('simulator.trigger')} <select aria-label={t('simulator.trigger')} value={form.triggerNodeId} onChange={(e) => patch({ triggerNodeId: e.target.value })}>
            {triggers.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
          </select></label>
        )}
        <label>{t('simulator.days')} <NumberField label={t('simulator.days')} value={form.horizonDays} min={1} max={3650} disabled={disabled} onChange={(horizonDays) => patch({ horizonDays })} /></label>
        <label>{t('simulator.arrivalDays')} <NumberField label={t('simulator.arrivalDays')} value={form.arrivalDays} min={0} max={3650} disabled={disabled} onChange={(arrivalDays) => patch({ arrivalDays })} /></label>
      </fieldset>
      {splits.length > 0 && (
        <fieldset disabled={disabled}>
          <legend>{t('simulator.branches')}</legend>
          {splits.map((d) => (
            <div key={d.node.id} className="sim-row">
              <span>{d.node.label}</span>
              {d.outputs.map((o) => (
                <label key={o.handle}>{o.label} <NumberField label={t('simulator.branchLabel', { step: d.node.label, branch: o.label })} min={0} max={100} disabled={disabled}
                  value={form.branches[d.node.id]?.[o.handle] ?? Math.round(100 / d.outputs.length)}
                  onChange={(v) => setForm((f) => ({
                    ...f,
                    branches: { ...f.branches, [d.node.id]: { ...Object.fromEntries(d.outputs.map((x) => [x.handle, f.branches[d.node.id]?.[x.handle] ?? Math.round(100 / d.outputs.length)])), [o.handle]: v } },
                  }))} /></label>
              ))}
            </div>
          ))}
        </fieldset>
      )}
      {waits.length > 0 && (
        <fieldset disabled={disabled}>
          <legend>{t('simulator.events')}</legend>
          {waits.map((n) => {
            const e = form.events[n.id] ?? { percent: 0, hours: 24 };
            const set = (p: Partial<typeof e>) => setForm((f) => ({ ...f, events: { ...f.events, [n.id]: { ...e, ...p } } }));
            return (
              <div key={n.id} className="sim-row">
                <span>{n.label}</span>
                <label>{t('simulator.eventChance')} <NumberField label={t('simulator.eventChanceLabel', { step: n.label })} value={e.percent} min={0} max={100} disabled={disabled} onChange={(percent) => set({ percent })} /></label>
                <label>{t('simulator.eventHours')} <NumberField label={t('simulator.eventHoursLabel', { step: n.label })} value={e.hours} min={0} max={87600} disabled={disabled} onChange={(hours) => set({ hours })} /></label>
              </div>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
