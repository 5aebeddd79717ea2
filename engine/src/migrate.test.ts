import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { edge, flowOf, node } from '../../common/flowEngine/testFlows';
import type { CommandDoc, RunDoc } from '../../common/journeyRuns/docs';
import { commandPrefix, rangeEnd } from '../../common/journeyRuns/ids';
import type { MigrationResultDoc, OpenRunsDoc } from '../../common/journeyRuns/migrate';
import { migrationPreview, migrationResultPrefix, migrationSummary, openRunsByVersion, openRunsPrefix } from '../../common/journeyRuns/migrate';
import { runHistory } from '../../common/journeyRuns/panel';
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

// v1: gold customers wait at `w`, the others at `old`. v2 keeps `w` (same id, same kind) and sends an
// SMS after it; `old` is gone, so runs waiting there cannot move. 20,000 days compressed by the
// harness's 1e6 is about 29 minutes: the runs wait until the test moves the clock.
const v1 = flowOf(
  [node.trigger('t'), node.condition('gold', 'plan', 'equals', 'gold'), node.wait('w', 20_000), node.wait('old', 20_000), node.exit('x')],
  ['t', 'gold'],
  [edge('gold', 'w', 'yes'), edge('gold', 'old', 'no'), edge('w', 'x'), edge('old', 'x')],
);
const v2 = flowOf([node.trigger('t'), node.wait('w', 20_000), node.sms('sms', 'Hello from v2'), node.exit('x2')], ['t', 'w', 'sms', 'x2']);
const customers = [...Array.from({ length: 6 }, (_, i) => ({ id: `gold${i}`, attributes: { plan: 'gold' } })), { id: 'basic0', attributes: { plan: 'basic' } }, { id: 'basic1', attributes: { plan: 'basic' } }];

const census = (e: TenantEngine) => e.runs.all<OpenRunsDoc>(openRunsPrefix('promo'), rangeEnd(openRunsPrefix('promo')));
const byVersion = async (e: TenantEngine) => Object.fromEntries(openRunsByVersion(await census(e)));

describe('moving open runs to a new published version', () => {
  it('moves runs whose step is in the new version, keeps the rest and every due time, and moves nobody twice', async () => {
    let shift = 0;
    const now = () => Date.now() + shift;
    await publish(h.admin, 'acme', 'promo', v1, 1);
    const a = await h.engine({ now, worker: 'wa' });
    const b = await h.engine({ now, worker: 'wb' });
    await a.control.put({ _id: `${commandPrefix}start-1`, type: 'command', command: 'start', journeyId: 'promo', customers, createdAt: Date.now() });
    await until(async () => (await h.runs(a)).filter((r) => r.state?.status === 'waiting').length === 8, 15_000, 'eight waiting runs');
    const before = new Map((await h.runs(a)).map((r) => [r.customerId, r]));

    await publish(h.admin, 'acme', 'promo', v2, 2);
    // The census the app reads: open runs by version and step, counted by the partitions' owners.
    // (every 2 s, so it may first show a run at its trigger, not yet started, which would move).
    const preview = async () => JSON.stringify(migrationPreview(await census(a), 1, v1.nodes, v2.nodes));
    await until(async () => (await preview()) === JSON.stringify({ move: 6, stay: [{ nodeId: 'old', count: 2 }] }), 10_000, 'preview from the census');
    expect(await byVersion(a)).toEqual({ 1: 8 });

    const cmdId = `${commandPrefix}migrate-1`;
    await a.control.put({ _id: cmdId, type: 'command', command: 'migrate', journeyId: 'promo', from: 1, to: 2, createdAt: Date.now(), createdBy: 'editor' });
    await until(async () => (await a.control.get<CommandDoc>(cmdId))?.doneAt !== undefined, 15_000, 'migrate command done');
    expect((await a.control.get<CommandDoc>(cmdId))!.result).toBe('Moved 6 runs from version 1 to version 2; 2 stayed on version 1 because their step is not in version 2.');
    const marks = await a.runs.all<MigrationResultDoc>(migrationResultPrefix(cmdId), rangeEnd(migrationResultPrefix(cmdId)));
    expect(marks).toHaveLength(4);
    expect(new Set(marks.map((m) => m.worker))).toEqual(new Set(['wa', 'wb']));
    const summary = migrationSummary(marks);
    expect(summary).toMatchObject({ moved: 6, stay: [{ nodeId: 'old', count: 2 }], stayedCustomers: ['basic0', 'basic1'], partitionsDone: 4 });

    const after = new Map((await h.runs(a)).map((r) => [r.customerId, r]));
    for (const [id, run] of after) {
      const was = before.get(id)!;
      expect(run.wakeAt).toBe(was.wakeAt);
      expect(run.state!.wait).toEqual(was.state!.wait);
      if (id.startsWith('gold')) {
        expect(run).toMatchObject({ version: 2, state: { journeyVersion: 2, nodeId: 'w', status: 'waiting' }, migrated: { command: cmdId, from: 1 } });
        const moves = runHistory(run).filter((row) => row.what === 'migrated');
        expect(moves).toHaveLength(1);
        expect(moves[0]!.message).toBe('Moved from version 1 to version 2 at the same step. Its timer keeps its due time.');
      } else {
        expect(run._rev).toBe(was._rev);
        expect(run.version).toBe(1);
      }
    }
    await until(async () => JSON.stringify(await byVersion(a)) === JSON.stringify({ 1: 2, 2: 6 }), 10_000, 'census after the move');

    // The same command delivered again (a retry): every partition has its mark, so nothing is written.
    const revs = new Map((await h.runs(a)).map((r) => [r._id, r._rev]));
    const done = (await a.control.get<CommandDoc & { _rev: string }>(cmdId))!;
    const { doneAt: _doneAt, result: _result, ...again } = done;
    await a.control.put(again);
    await until(async () => (await a.control.get<CommandDoc>(cmdId))?.doneAt !== undefined, 15_000, 'repeated command closed');
    expect(new Map((await h.runs(a)).map((r) => [r._id, r._rev]))).toEqual(revs);

    // Past the due time, moved runs follow v2 (the SMS only v2 has); the others finish v1.
    shift = 3_600_000;
    await until(async () => (await h.runs(a)).every((r) => r.state?.status === 'exited'), 20_000, 'every run exited');
    const ended = await h.runs(a);
    expect(ended.filter((r) => r.state!.nodeId === 'x2').map((r) => r.customerId).sort()).toEqual(customers.slice(0, 6).map((c) => c.id).sort());
    expect(ended.filter((r) => r.state!.nodeId === 'x').map((r) => r.customerId).sort()).toEqual(['basic0', 'basic1']);
    expect(h.receiver.delivered.map((r) => JSON.parse(r.body).text)).toEqual(Array(6).fill('Hello from v2'));
    await until(async () => Object.keys(await byVersion(a)).length === 0, 10_000, 'census empty');
    void b;
  }, 90_000);

  it('refuses to move runs to a version that was never published', async () => {
    await publish(h.admin, 'acme', 'promo', v1, 1);
    const e = await h.engine();
    const cmdId = `${commandPrefix}migrate-x`;
    await e.control.put({ _id: cmdId, type: 'command', command: 'migrate', journeyId: 'promo', from: 1, to: 5, createdAt: Date.now() });
    await until(async () => (await e.control.get<CommandDoc>(cmdId))?.doneAt !== undefined, 15_000, 'refusal');
    expect((await e.control.get<CommandDoc>(cmdId))!.result).toBe('Version 5 of journey "promo" is not published; no run moved.');
    expect((await h.runs(e)) as RunDoc[]).toHaveLength(0);
  });
});
