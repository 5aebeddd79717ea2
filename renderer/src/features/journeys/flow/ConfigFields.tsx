import { useLiveQuery } from '../../../db/hooks';
import {
  actionConfig, randomId, readJourneyDoc, triggerConfig, type ActionType, type FlowNode, type NodeConfig, type TriggerType,
} from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import { ConditionEditor, DurationEditor } from './ConditionEditor';
import { X } from '../../../ui/icons';
import { useT } from '../../../i18n';
import { actionKey, priorityKey, triggerKey } from './labels';
import { ScheduleFields } from '../runs/ScheduleFields';

type SetConfig = (config: FlowNode['config']) => void;

/** A labelled text field committing into one config key. */
function Text({ label, value, onCommit, multiline, max = 2000 }: { label: string; value: string; onCommit: (v: string) => void; multiline?: boolean; max?: number }) {
  return (
    <label className="field"><span>{label}</span>
      <CommitInput aria-label={label} value={value} onCommit={onCommit} multiline={multiline ?? false} maxLength={max} />
    </label>
  );
}

/** The config fields of a step, typed by its kind. */
export function ConfigFields({ node, setConfig }: { node: FlowNode; setConfig: SetConfig }) {
  const t = useT();
  switch (node.kind) {
    case 'trigger': return <TriggerFields config={node.config} set={setConfig} />;
    case 'action': return <ActionFields config={node.config} set={setConfig} />;
    case 'wait': {
      const c = node.config;
      return (
        <>
          <label className="field"><span>{t('journeyFlow.wait.for')}</span>
            <select aria-label={t('journeyFlow.wait.mode')} value={c.mode} onChange={(e) => setConfig(e.target.value === 'duration'
              ? { mode: 'duration', duration: { amount: 1, unit: 'days' } }
              : { mode: 'until', condition: { match: 'all', rules: [] }, timeout: { amount: 7, unit: 'days' } })}>
              <option value="duration">{t('journeyFlow.wait.duration')}</option>
              <option value="until">{t('journeyFlow.wait.until')}</option>
            </select>
          </label>
          {c.mode === 'duration' ? <DurationEditor label={t('journeyFlow.wait.durationLabel')} value={c.duration} onChange={(duration) => setConfig({ ...c, duration })} /> : (
            <>
              <ConditionEditor label={t('journeyFlow.wait.untilLabel')} value={c.condition} onChange={(condition) => setConfig({ ...c, condition })} />
              <label className="check"><input type="checkbox" checked={!!c.timeout} aria-label={t('journeyFlow.wait.timeout')}
                onChange={(e) => setConfig(e.target.checked ? { ...c, timeout: { amount: 7, unit: 'days' } } : { mode: 'until', condition: c.condition })} /> {t('journeyFlow.wait.timeoutRequired')}</label>
              {c.timeout && <DurationEditor label={t('journeyFlow.wait.timeout')} value={c.timeout} onChange={(timeout) => setConfig({ ...c, timeout })} />}
            </>
          )}
        </>
      );
    }
    case 'condition': return <ConditionEditor label={t('journeyFlow.condition.if')} value={node.config} onChange={setConfig} />;
    case 'multiSplit': {
      const { branches } = node.config;
      return (
        <div className="branches">
          {branches.map((b, i) => (
            <div key={b.id} className="branch">
              <Text label={t('journeyFlow.branch.name', { n: i + 1 })} value={b.label} max={120} onCommit={(label) => setConfig({ branches: branches.map((x) => (x.id === b.id ? { ...x, label } : x)) })} />
              <ConditionEditor label={t('journeyFlow.branch.when', { n: i + 1 })} value={b.condition} onChange={(condition) => setConfig({ branches: branches.map((x) => (x.id === b.id ? { ...x, condition } : x)) })} />
              <button type="button" className="ghost" onClick={() => setConfig({ branches: branches.filter((x) => x.id !== b.id) })}>{t('journeyFlow.branch.remove')}</button>
            </div>
          ))}
          <button type="button" onClick={() => setConfig({ branches: [...branches, { id: randomId('b'), label: t('journeyFlow.branch.newName', { n: branches.length + 1 }), condition: { match: 'all', rules: [] } }] })}>{t('journeyFlow.branch.add')}</button>
          <p className="muted">{t('journeyFlow.branch.elseHint')}</p>
        </div>
      );
    }
    case 'randomSplit': {
      const { branches } = node.config;
      const sum = branches.reduce((s, b) => s + b.percent, 0);
      return (
        <div className="branches">
          {branches.map((b, i) => (
            <div key={b.id} className="branch split-row">
              <CommitInput aria-label={t('journeyFlow.variant.name', { n: i + 1 })} value={b.label} maxLength={120}
                onCommit={(label) => setConfig({ branches: branches.map((x) => (x.id === b.id ? { ...x, label } : x)) })} />
              <input type="number" min={0} max={100} aria-label={t('journeyFlow.variant.percent', { n: i + 1 })} value={b.percent}
                onChange={(e) => {
                  const percent = Number(e.target.value);
                  if (Number.isFinite(percent) && percent >= 0 && percent <= 100) setConfig({ branches: branches.map((x) => (x.id === b.id ? { ...x, percent } : x)) });
                }} />{t('journeyFlow.variant.percentSign')}
              <button type="button" className="ghost" aria-label={t('journeyFlow.variant.remove', { n: i + 1 })} onClick={() => setConfig({ branches: branches.filter((x) => x.id !== b.id) })}><X size={14} /></button>
            </div>
          ))}
          <p className={Math.round(sum * 100) === 10000 ? 'muted' : 'problem-error'}>{t('journeyFlow.variant.total', { sum: Math.round(sum * 100) / 100 })}</p>
          <button type="button" onClick={() => setConfig({ branches: [...branches, { id: randomId('b'), label: t('journeyFlow.variant.newName', { letter: String.fromCharCode(65 + branches.length) }), percent: 0 }] })}>{t('journeyFlow.variant.add')}</button>
        </div>
      );
    }
    case 'exit': return <Text label={t('journeyFlow.exit.reason')} value={node.config.reason ?? ''} max={300} onCommit={(reason) => setConfig(reason ? { reason } : {})} />;
    case 'goto': return <GotoFields journeyId={node.config.journeyId} set={setConfig} />;
  }
}

function TriggerFields({ config: c, set }: { config: NodeConfig<'trigger'>; set: SetConfig }) {
  const t = useT();
  return (
    <>
      <label className="field"><span>{t('journeyFlow.kind.trigger')}</span>
        <select aria-label={t('journeyFlow.trigger.type')} value={c.type} onChange={(e) => set(triggerConfig(e.target.value as TriggerType))}>
          {(Object.keys(triggerKey) as TriggerType[]).map((k) => <option key={k} value={k}>{t(triggerKey[k])}</option>)}
        </select>
      </label>
      {c.type === 'surveyResponse' && <Text label={t('journeyFlow.trigger.survey')} value={c.surveyId} max={200} onCommit={(surveyId) => set({ ...c, surveyId })} />}
      {c.type === 'event' && <Text label={t('journeyFlow.trigger.eventName')} value={c.eventName} max={200} onCommit={(eventName) => set({ ...c, eventName })} />}
      {c.type === 'schedule' && <ScheduleFields config={c} onChange={set} />}
      {c.type === 'segmentEntry' && <Text label={t('journeyFlow.trigger.segment')} value={c.segmentId} max={200} onCommit={(segmentId) => set({ ...c, segmentId })} />}
    </>
  );
}

function ActionFields({ config: c, set }: { config: NodeConfig<'action'>; set: SetConfig }) {
  const t = useT();
  return (
    <>
      <label className="field"><span>{t('journeyFlow.kind.action')}</span>
        <select aria-label={t('journeyFlow.action.type')} value={c.type} onChange={(e) => set(actionConfig(e.target.value as ActionType))}>
          {(Object.keys(actionKey) as ActionType[]).map((k) => <option key={k} value={k}>{t(actionKey[k])}</option>)}
        </select>
      </label>
      {c.type === 'email' && <><Text label={t('journeyFlow.action.subject')} value={c.subject} max={300} onCommit={(subject) => set({ ...c, subject })} />
        <Text label={t('journeyFlow.action.body')} multiline value={c.body} max={20000} onCommit={(body) => set({ ...c, body })} /></>}
      {c.type === 'sms' && <Text label={t('journeyFlow.action.message')} multiline value={c.message} max={1600} onCommit={(message) => set({ ...c, message })} />}
      {c.type === 'whatsapp' && <><Text label={t('journeyFlow.action.template')} value={c.templateName} max={200} onCommit={(templateName) => set({ ...c, templateName })} />
        <Text label={t('journeyFlow.action.message')} multiline value={c.message} max={4000} onCommit={(message) => set({ ...c, message })} /></>}
      {c.type === 'webhook' && <><label className="field"><span>{t('journeyFlow.action.method')}</span>
        <select aria-label={t('journeyFlow.action.method')} value={c.method} onChange={(e) => set({ ...c, method: e.target.value as typeof c.method })}>
          {(['POST', 'PUT', 'GET'] as const).map((m) => <option key={m}>{m}</option>)}
        </select></label>
        <Text label={t('journeyFlow.action.url')} value={c.url} onCommit={(url) => set({ ...c, url })} /></>}
      {c.type === 'ticket' && <><Text label={t('journeyFlow.action.subject')} value={c.subject} max={300} onCommit={(subject) => set({ ...c, subject })} />
        <label className="field"><span>{t('journeyFlow.action.priority')}</span>
          <select aria-label={t('journeyFlow.action.priority')} value={c.priority} onChange={(e) => set({ ...c, priority: e.target.value as typeof c.priority })}>
            {(['low', 'normal', 'high', 'urgent'] as const).map((p) => <option key={p} value={p}>{t(priorityKey[p])}</option>)}
          </select></label>
        <Text label={t('journeyFlow.action.queue')} value={c.queue} max={120} onCommit={(queue) => set({ ...c, queue })} /></>}
      {c.type === 'updateAttribute' && <><Text label={t('journeyFlow.action.attribute')} value={c.attribute} max={200} onCommit={(attribute) => set({ ...c, attribute })} />
        <Text label={t('journeyFlow.action.value')} value={c.value} onCommit={(value) => set({ ...c, value })} /></>}
    </>
  );
}

function GotoFields({ journeyId, set }: { journeyId: string | undefined; set: SetConfig }) {
  const t = useT();
  const journeys = useLiveQuery('journeys', { selector: {} }, readJourneyDoc).items;
  return (
    <label className="field"><span>{t('journeyFlow.goto.journey')}</span>
      <select aria-label={t('journeyFlow.kind.goto')} value={journeyId ?? ''} onChange={(e) => set(e.target.value ? { journeyId: e.target.value } : {})}>
        <option value="">{t('journeyFlow.goto.choose')}</option>
        {journeys.map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
      </select>
    </label>
  );
}
