import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flowOf, node } from '../../common/flowEngine/testFlows';
import type { CommandDoc, CounterDoc, StartCustomer } from '../../common/journeyRuns/docs';
import { commandPrefix, rangeEnd } from '../../common/journeyRuns/ids';
import type { EngineSettingsDoc, FailureDoc } from '../../common/journeyRuns/panel';
import { engineSettingsId, journeyFailurePrefix, liveNodeCounts, runHistory } from '../../common/journeyRuns/panel';
import type { Harness } from './testing/engineHarness';
import { startHarness } from './testing/engineHarness';
import { publish, until } from './testing/parts';
import type { TenantEngine } from './service';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const welcome = flowOf(
  [node.trigger('t'), node.email('mail', 'Hi {{first_name}}', 'Welcome, {{first_name}}.'), node.wait('w', 1), node.sms('sms', 'Still there, {{first_name}}?'), node.exit('x', 'done')],
  ['t', 'mail', 'w', 'sms', 'x'],
);

async function start(e: TenantEngine, journeyId: string, customers: StartCustomer[]): Promise<string> {
  const id = `${commandPrefix}${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await e.control.put({ _id: id, type: 'command', command: 'start', journeyId, customers, createdAt: Date.now() });
  return id;
}

describe('engine with the real sync server, SMTP server and provider', () => {
  it('runs a manual start through email, a compressed wait and SMS, each send with its idempotency key', async () => {
    await publish(h.admin, 'acme', 'welcome', welcome);
    const e = await h.engine();
    const cmd = await start(e, 'welcome', [{ id: 'ann@example.com', attributes: { first_name: 'Ann' } }, { id: 'bob@example.com', attributes: { first_name: 'Bob' } }]);
    await until(async () => (await h.runs(e)).filter((r) => r.state?.status === 'exited').length === 2, 15_000, 'two runs exited');
    expect(h.smtp.mails.map((m) => m.to[0]).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    expect(h.smtp.mails.find((m) => m.to[0] === 'ann@example.com')!.data).toMatch(/Subject: Hi Ann/);
    expect(h.smtp.mails.every((m) => /X-Idempotency-Key: \S+/.test(m.data))).toBe(true);
    expect(h.receiver.delivered.map((r) => JSON.parse(r.body).text).sort()).toEqual(['Still there, Ann?', 'Still there, Bob?']);
    expect(h.receiver.requests.every((r) => r.path === '/sms' && r.key)).toBe(true);
    const runs = await h.runs(e);
    for (const run of runs) {
      const seqs = run.log.map((l) => l.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(run.log.map((l) => l.outcome)).toEqual(['entered', 'sending', 'sent', 'waiting', 'resumed', 'sending', 'sent', 'exited']);
      expect(run.version).toBe(1);
    }
    const done = await e.control.get<CommandDoc>(cmd);
    expect(done?.result).toMatch(/Started 2 runs on v1/);
    await until(async () => {
      const counters = await e.runs.all<CounterDoc>('c|', 'c|\ufff0');
      const sum = (node: string, f: 'entered' | 'left') => counters.reduce((s, c) => s + (c.nodes[node]?.[f] ?? 0), 0);
      return sum('t', 'entered') === 2 && sum('x', 'left') === 2 && sum('w', 'left') === 2 && counters.reduce((s, c) => s + (c.sends.email ?? 0), 0) === 2;
    }, 5000, 'counters');
  });

  it('retries 500, 429 and a dropped connection with backoff, then dead-letters and delivers after a user retry', async () => {
    await publish(h.admin, 'acme', 'nudge', flowOf([node.trigger('t'), node.sms('sms', 'Hi'), node.exit('x')], ['t', 'sms', 'x']));
    const e = await h.engine({ policy: { maxAttempts: 4 } });
    h.receiver.failNext.push(500, 429, 'drop');
    await start(e, 'nudge', [{ id: 'c1' }]);
    await until(async () => (await h.runs(e))[0]?.state?.status === 'exited', 10_000, 'run after retries');
    const [run] = await h.runs(e);
    expect(run!.notes.filter((n) => n.kind === 'retry').map((n) => n.message)).toEqual([
      expect.stringMatching(/answered 500/), expect.stringMatching(/answered 429/), expect.stringMatching(/could not be reached/),
    ]);
    expect(h.receiver.delivered).toHaveLength(1);
    expect(new Set(h.receiver.requests.map((r) => r.key)).size).toBe(1);

    h.receiver.failNext.push(503, 503, 503, 503);
    await start(e, 'nudge', [{ id: 'c2' }]);
    const failed = async () => (await h.runs(e)).find((r) => r.customerId === 'c2');
    await until(async () => (await failed())?.state?.status === 'failed', 10_000, 'dead letter');
    const dead = (await failed())!;
    expect(dead.state!.failure!.message).toMatch(/503.*gave up after 4 tries/);
    expect(dead.notes.at(-1)!.kind).toBe('deadLetter');
    expect(h.logs.some((l) => l.msg === 'Send dead-lettered')).toBe(true);
    // The failure index the app lists, written with the run; the counters count it as failed at the SMS step.
    const listed = async () => e.runs.all<FailureDoc>(journeyFailurePrefix('nudge'), rangeEnd(journeyFailurePrefix('nudge')));
    await until(async () => (await listed()).length === 1, 5000, 'failure listed');
    expect((await listed())[0]).toMatchObject({ runId: dead._id, customerId: 'c2', nodeId: 'sms', version: 1, message: expect.stringMatching(/gave up after 4 tries/) });
    await until(async () => liveNodeCounts(await e.runs.all<CounterDoc>('c|', 'c|\ufff0'), new Set()).sms?.failed === 1, 5000, 'failed count');
    const rows = runHistory(dead);
    expect(rows.filter((r) => r.what === 'retry')).toHaveLength(3);
    expect(rows.filter((r) => r.what === 'sending' || r.what === 'failed').map((r) => r.key)).toEqual([h.receiver.requests.at(-1)!.key, h.receiver.requests.at(-1)!.key]);
    await e.control.put({ _id: `${commandPrefix}retry-1`, type: 'command', command: 'retry', runId: dead._id, createdAt: Date.now() });
    await until(async () => (await failed())?.state?.status === 'exited', 10_000, 'retried run');
    expect((await e.control.get<CommandDoc>(`${commandPrefix}retry-1`))?.doneAt).toBeGreaterThan(0);
    expect(h.receiver.delivered).toHaveLength(2);
    await until(async () => (await listed()).length === 0, 5000, 'failure removed after the retry');
    const counts = liveNodeCounts(await e.runs.all<CounterDoc>('c|', 'c|\ufff0'), new Set());
    expect(counts.sms).toEqual({ active: 0, waiting: 0, done: 2, failed: 0 });
    expect((await e.control.get<EngineSettingsDoc>(engineSettingsId))?.partitions).toBe(4);
  });

  it('fails a step whose template variable has no value, sending nothing, and shows why', async () => {
    await publish(h.admin, 'acme', 'vars', flowOf([node.trigger('t'), node.email('mail', 'Hi {{first_name}}'), node.exit('x')], ['t', 'mail', 'x']));
    const e = await h.engine();
    await start(e, 'vars', [{ id: 'nofirst@example.com' }]);
    await until(async () => (await h.runs(e))[0]?.state?.status === 'failed', 10_000, 'failed run');
    const [run] = await h.runs(e);
    expect(run!.state!.failure!.message).toMatch(/first_name.*nothing was sent/);
    expect(h.smtp.mails).toHaveLength(0);
  });

  it('retries an SMTP connection that drops during DATA', async () => {
    await publish(h.admin, 'acme', 'mailer', flowOf([node.trigger('t'), node.email('mail', 'Hello'), node.exit('x')], ['t', 'mail', 'x']));
    h.smtp.dropNext = 1;
    const e = await h.engine();
    await start(e, 'mailer', [{ id: 'dan@example.com' }]);
    await until(async () => (await h.runs(e))[0]?.state?.status === 'exited', 10_000, 'mail after a drop');
    const [run] = await h.runs(e);
    expect(run!.notes.some((n) => n.kind === 'retry' && /SMTP/.test(n.message))).toBe(true);
    expect(h.smtp.mails).toHaveLength(1);
  });

  it('refuses a start for an unknown journey, visibly', async () => {
    const e = await h.engine();
    const cmd = await start(e, 'nosuch', [{ id: 'c1' }]);
    await until(async () => (await e.control.get<CommandDoc>(cmd))?.doneAt !== undefined, 10_000, 'command result');
    expect((await e.control.get<CommandDoc>(cmd))!.result).toMatch(/"nosuch" is unknown or has never been published; nothing was started/);
  });

  it('pauses, resumes and kills a journey', async () => {
    await publish(h.admin, 'acme', 'slow', flowOf([node.trigger('t'), node.wait('w', 1), node.sms('sms'), node.wait('w2', 100000), node.exit('x')], ['t', 'w', 'sms', 'w2', 'x']));
    const e = await h.engine();
    await e.control.put({ _id: 'journey|slow', type: 'journeyControl', journeyId: 'slow', state: 'paused', updatedAt: Date.now() });
    await start(e, 'slow', [{ id: 'p1' }, { id: 'p2' }]);
    await until(async () => (await h.runs(e)).length === 2, 5000, 'runs written');
    await new Promise((r) => setTimeout(r, 700));
    expect((await h.runs(e)).every((r) => r.state === null)).toBe(true);
    const ctl = await e.control.get<{ _id: string; _rev: string }>('journey|slow');
    await e.control.put({ ...ctl!, state: 'running' });
    await until(async () => (await h.runs(e)).every((r) => r.state?.nodeId === 'w2'), 10_000, 'runs at the long wait');
    expect(h.receiver.delivered).toHaveLength(2);
    const ctl2 = await e.control.get<{ _id: string; _rev: string }>('journey|slow');
    await e.control.put({ ...ctl2!, state: 'killed' });
    await until(async () => (await h.runs(e)).every((r) => r.killed === true), 10_000, 'runs killed');
  });
});

describe('engine delivery rules', () => {
  it('defers a send for quiet hours and for the frequency cap, with a note on the run', async () => {
    await publish(h.admin, 'acme', 'two', flowOf([node.trigger('t'), node.sms('a', 'One'), node.sms('b', 'Two'), node.exit('x')], ['t', 'a', 'b', 'x']));
    const hour = new Date().getUTCHours();
    const quiet = await h.engine({ policy: { quietStartHour: hour, quietEndHour: (hour + 2) % 24 } });
    await start(quiet, 'two', [{ id: 'q1', timeZone: 'UTC' }]);
    await until(async () => (await h.runs(quiet))[0]?.notes.some((n) => n.kind === 'deferred') === true, 10_000, 'quiet-hours note');
    const [run] = await h.runs(quiet);
    expect(run!.notes.find((n) => n.kind === 'deferred')!.message).toMatch(/quiet hours in UTC/);
    expect(run!.wakeAt).toBeGreaterThan(Date.now() + 3_500_000);
    expect(h.receiver.requests).toHaveLength(0);
    await quiet.stop(true);

    const capped = await h.engine({ policy: { frequencyCap: 1 } });
    await start(capped, 'two', [{ id: 'f1' }]);
    const f1 = async () => (await h.runs(capped)).find((r) => r.customerId === 'f1');
    await until(async () => (await f1())?.notes.some((n) => n.kind === 'deferred') === true, 10_000, 'cap note');
    expect((await f1())!.notes.find((n) => n.kind === 'deferred')!.message).toMatch(/frequency cap \(1 messages in 24 hours\)/);
    expect(h.receiver.delivered.map((r) => JSON.parse(r.body).text)).toEqual(['One']);
  });
});
