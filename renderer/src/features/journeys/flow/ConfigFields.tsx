import { useLiveQuery } from '../../../db/hooks';
import {
  actionConfig, randomId, readJourneyDoc, triggerConfig, type ActionType, type FlowNode, type NodeConfig, type TriggerType,
} from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import { ConditionEditor, DurationEditor } from './ConditionEditor';
import { X } from '../../../ui/icons';

type SetConfig = (config: FlowNode['config']) => void;

/** A labelled text field committing into one config key. */
function Text({ label, value, onCommit, multiline, max = 2000 }: { label: string; value: string; onCommit: (v: string) => void; multiline?: boolean; max?: number }) {
  return (
    <label className="field"><span>{label}</span>
      <CommitInput aria-label={label} value={value} onCommit={onCommit} multiline={multiline ?? false} maxLength={max} />
    </label>
  );
}

const triggerTypes: Record<TriggerType, string> = { surveyResponse: 'Survey response received', event: 'Event', schedule: 'Schedule', segmentEntry: 'Segment entry', manual: 'Manual' };
const actionTypes: Record<ActionType, string> = { email: 'Send email', sms: 'Send SMS', whatsapp: 'Send WhatsApp', webhook: 'Call webhook', ticket: 'Create ticket', updateAttribute: 'Update attribute' };

/** The config fields of a step, typed by its kind. */
export function ConfigFields({ node, setConfig }: { node: FlowNode; setConfig: SetConfig }) {
  switch (node.kind) {
    case 'trigger': return <TriggerFields config={node.config} set={setConfig} />;
    case 'action': return <ActionFields config={node.config} set={setConfig} />;
    case 'wait': {
      const c = node.config;
      return (
        <>
          <label className="field"><span>Wait for</span>
            <select aria-label="Wait mode" value={c.mode} onChange={(e) => setConfig(e.target.value === 'duration'
              ? { mode: 'duration', duration: { amount: 1, unit: 'days' } }
              : { mode: 'until', condition: { match: 'all', rules: [] }, timeout: { amount: 7, unit: 'days' } })}>
              <option value="duration">A duration</option>
              <option value="until">Until a condition holds</option>
            </select>
          </label>
          {c.mode === 'duration' ? <DurationEditor label="Duration" value={c.duration} onChange={(duration) => setConfig({ ...c, duration })} /> : (
            <>
              <ConditionEditor label="Until" value={c.condition} onChange={(condition) => setConfig({ ...c, condition })} />
              <label className="check"><input type="checkbox" checked={!!c.timeout} aria-label="Timeout"
                onChange={(e) => setConfig(e.target.checked ? { ...c, timeout: { amount: 7, unit: 'days' } } : { mode: 'until', condition: c.condition })} /> Timeout (required)</label>
              {c.timeout && <DurationEditor label="Timeout" value={c.timeout} onChange={(timeout) => setConfig({ ...c, timeout })} />}
            </>
          )}
        </>
      );
    }
    case 'condition': return <ConditionEditor label="If" value={node.config} onChange={setConfig} />;
    case 'multiSplit': {
      const { branches } = node.config;
      return (
        <div className="branches">
          {branches.map((b, i) => (
            <div key={b.id} className="branch">
              <Text label={`Branch ${i + 1} name`} value={b.label} max={120} onCommit={(label) => setConfig({ branches: branches.map((x) => (x.id === b.id ? { ...x, label } : x)) })} />
              <ConditionEditor label={`Branch ${i + 1} when`} value={b.condition} onChange={(condition) => setConfig({ branches: branches.map((x) => (x.id === b.id ? { ...x, condition } : x)) })} />
              <button type="button" className="ghost" onClick={() => setConfig({ branches: branches.filter((x) => x.id !== b.id) })}>Remove branch</button>
            </div>
          ))}
          <button type="button" onClick={() => setConfig({ branches: [...branches, { id: randomId('b'), label: `Branch ${branches.length + 1}`, condition: { match: 'all', rules: [] } }] })}>+ Branch</button>
          <p className="muted">Customers matching no branch take "else".</p>
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
              <CommitInput aria-label={`Variant ${i + 1} name`} value={b.label} maxLength={120}
                onCommit={(label) => setConfig({ branches: branches.map((x) => (x.id === b.id ? { ...x, label } : x)) })} />
              <input type="number" min={0} max={100} aria-label={`Variant ${i + 1} percent`} value={b.percent}
                onChange={(e) => {
                  const percent = Number(e.target.value);
                  if (Number.isFinite(percent) && percent >= 0 && percent <= 100) setConfig({ branches: branches.map((x) => (x.id === b.id ? { ...x, percent } : x)) });
                }} />%
              <button type="button" className="ghost" aria-label={`Remove variant ${i + 1}`} onClick={() => setConfig({ branches: branches.filter((x) => x.id !== b.id) })}><X size={14} /></button>
            </div>
          ))}
          <p className={Math.round(sum * 100) === 10000 ? 'muted' : 'problem-error'}>Total {Math.round(sum * 100) / 100}% (must be 100%)</p>
          <button type="button" onClick={() => setConfig({ branches: [...branches, { id: randomId('b'), label: `Variant ${String.fromCharCode(65 + branches.length)}`, percent: 0 }] })}>+ Variant</button>
        </div>
      );
    }
    case 'exit': return <Text label="Reason" value={node.config.reason ?? ''} max={300} onCommit={(reason) => setConfig(reason ? { reason } : {})} />;
    case 'goto': return <GotoFields journeyId={node.config.journeyId} set={setConfig} />;
  }
}

function TriggerFields({ config: c, set }: { config: NodeConfig<'trigger'>; set: SetConfig }) {
  return (
    <>
      <label className="field"><span>Trigger</span>
        <select aria-label="Trigger type" value={c.type} onChange={(e) => set(triggerConfig(e.target.value as TriggerType))}>
          {(Object.keys(triggerTypes) as TriggerType[]).map((t) => <option key={t} value={t}>{triggerTypes[t]}</option>)}
        </select>
      </label>
      {c.type === 'surveyResponse' && <Text label="Survey" value={c.surveyId} max={200} onCommit={(surveyId) => set({ ...c, surveyId })} />}
      {c.type === 'event' && <Text label="Event name" value={c.eventName} max={200} onCommit={(eventName) => set({ ...c, eventName })} />}
      {c.type === 'schedule' && <DurationEditor label="Every" value={c.every} onChange={(every) => set({ ...c, every })} />}
      {c.type === 'segmentEntry' && <Text label="Segment" value={c.segmentId} max={200} onCommit={(segmentId) => set({ ...c, segmentId })} />}
    </>
  );
}

function ActionFields({ config: c, set }: { config: NodeConfig<'action'>; set: SetConfig }) {
  return (
    <>
      <label className="field"><span>Action</span>
        <select aria-label="Action type" value={c.type} onChange={(e) => set(actionConfig(e.target.value as ActionType))}>
          {(Object.keys(actionTypes) as ActionType[]).map((t) => <option key={t} value={t}>{actionTypes[t]}</option>)}
        </select>
      </label>
      {c.type === 'email' && <><Text label="Subject" value={c.subject} max={300} onCommit={(subject) => set({ ...c, subject })} />
        <Text label="Body" multiline value={c.body} max={20000} onCommit={(body) => set({ ...c, body })} /></>}
      {c.type === 'sms' && <Text label="Message" multiline value={c.message} max={1600} onCommit={(message) => set({ ...c, message })} />}
      {c.type === 'whatsapp' && <><Text label="Template" value={c.templateName} max={200} onCommit={(templateName) => set({ ...c, templateName })} />
        <Text label="Message" multiline value={c.message} max={4000} onCommit={(message) => set({ ...c, message })} /></>}
      {c.type === 'webhook' && <><label className="field"><span>Method</span>
        <select aria-label="Method" value={c.method} onChange={(e) => set({ ...c, method: e.target.value as typeof c.method })}>
          {(['POST', 'PUT', 'GET'] as const).map((m) => <option key={m}>{m}</option>)}
        </select></label>
        <Text label="URL" value={c.url} onCommit={(url) => set({ ...c, url })} /></>}
      {c.type === 'ticket' && <><Text label="Subject" value={c.subject} max={300} onCommit={(subject) => set({ ...c, subject })} />
        <label className="field"><span>Priority</span>
          <select aria-label="Priority" value={c.priority} onChange={(e) => set({ ...c, priority: e.target.value as typeof c.priority })}>
            {(['low', 'normal', 'high', 'urgent'] as const).map((p) => <option key={p}>{p}</option>)}
          </select></label>
        <Text label="Queue" value={c.queue} max={120} onCommit={(queue) => set({ ...c, queue })} /></>}
      {c.type === 'updateAttribute' && <><Text label="Attribute" value={c.attribute} max={200} onCommit={(attribute) => set({ ...c, attribute })} />
        <Text label="Value" value={c.value} onCommit={(value) => set({ ...c, value })} /></>}
    </>
  );
}

function GotoFields({ journeyId, set }: { journeyId: string | undefined; set: SetConfig }) {
  const journeys = useLiveQuery('journeys', { selector: {} }, readJourneyDoc).items;
  return (
    <label className="field"><span>Journey</span>
      <select aria-label="Go to journey" value={journeyId ?? ''} onChange={(e) => set(e.target.value ? { journeyId: e.target.value } : {})}>
        <option value="">Choose…</option>
        {journeys.map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
      </select>
    </label>
  );
}
