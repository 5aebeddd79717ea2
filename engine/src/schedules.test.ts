import { afterEach, beforeEach, expect, it } from 'vitest';
import { flowOf, node } from '../../common/flowEngine/testFlows';
import { nextSlot } from '../../common/flowEngine/schedule';
import type { ScheduleConfig } from '../../common/flowEngine/schedule';
import type { EventDoc, RunDoc } from '../../common/journeyRuns/docs';
import { eventDocId, partitionOf, scheduleSlotId } from '../../common/journeyRuns/ids';
import type { Harness } from './testing/engineHarness';
import { startHarness } from './testing/engineHarness';
import { publish, until } from './testing/parts';
import type { SlotDoc } from './schedules';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const day = 86_400_000;
const customers = ['ann', 'bob', 'cy'];
const listed: ScheduleConfig = { type: 'schedule', every: { amount: 1, unit: 'days' }, time: '09:00', timeZone: 'Europe/Berlin', audience: { kind: 'customers', ids: customers } };
const byEvent: ScheduleConfig = { ...listed, audience: { kind: 'event', eventName: 'signup', withinDays: 7 } };

it('fires each daily slot once across two engines, skips slots missed past the grace, and finishes a slot a dead process began', async () => {
  await publish(h.admin, 'acme', 'daily', flowOf([node.trigger('t', listed), node.exit('x')], ['t', 'x']));
  await publish(h.admin, 'acme', 'digest', flowOf([node.trigger('t', byEvent), node.exit('x')], ['t', 'x']));
  const slot = nextSlot(listed, Date.now()); // tomorrow (or today) 09:00 in Berlin
  let offset = slot - 2000 - Date.now();
  const now = () => Date.now() + offset;
  const e1 = await h.engine({ now, worker: 'one' });
  const e2 = await h.engine({ now, worker: 'two' });
  const event = (customerId: string, at: number, first_name: string): EventDoc => ({
    _id: eventDocId(customerId, `ev-${customerId}`, 4), type: 'event', customerId, eventId: `ev-${customerId}`, name: 'signup', at, properties: { first_name }, receivedAt: at,
  });
  await e1.runs.bulk([event('eve', slot - day, 'Eve'), event('old', slot - 10 * day, 'Old')]);
  // The slot a run was started for is part of its id (`sched|<trigger>|<slot>`).
  const slotOf = (r: RunDoc): number => Number(decodeURIComponent(r._id.split('|').at(-1)!).split('|')[2]);
  const runsOf = async (journeyId: string) => (await h.runs(e1)).filter((r: RunDoc) => r.journeyId === journeyId);

  // Slot 1: both engines hold partitions; every listed customer starts once, and only Eve's event is recent enough.
  await until(async () => (await runsOf('daily')).filter((r) => r.state?.status === 'exited').length === 3 && (await runsOf('digest')).length === 1, 15_000, 'first slot');
  await new Promise((r) => setTimeout(r, 2500));
  expect((await runsOf('daily')).map((r) => r.customerId).sort()).toEqual(customers);
  expect((await runsOf('daily')).every((r) => slotOf(r) === slot && r.version === 1)).toBe(true);
  const [eve] = await runsOf('digest');
  expect(eve!.customerId).toBe('eve');
  expect(eve!.state!.attributes.first_name).toBe('Eve');

  // Both stop (no hand-back). Three days later, 30 minutes past 09:00: the two slots in between were missed
  // (skipped and logged), the latest fires late, once.
  await e1.stop(false);
  await e2.stop(false);
  offset = slot + 3 * day + 30 * 60_000 - Date.now();
  const e3 = await h.engine({ now, worker: 'three' });
  await until(async () => (await runsOf('daily')).length === 6, 15_000, 'late slot');
  const late = (await runsOf('daily')).filter((r) => slotOf(r) === slot + 3 * day);
  expect(late.map((r) => r.customerId).sort()).toEqual(customers);
  expect(h.logs.some((l) => l.msg === 'Schedule slots missed; skipped' && l.missed === 2)).toBe(true);
  const dailySlots = async () => (await e3.runs.all<SlotDoc>('s|', 's|\ufff0')).filter((d) => d.journeyId === 'daily');
  // Every partition records the slot, those with nobody of the audience too.
  await until(async () => (await dailySlots()).filter((d) => d.lastSlot === slot + 3 * day && d.firing === undefined).length === 4, 10_000, 'slot documents');
  const slotDocs = await dailySlots();
  expect(slotDocs.map((d) => d.skipped)).toEqual([2, 2, 2, 2]);

  // A process died while firing slot 5 in Ann's partition: it had written the slot as firing and Ann's run.
  // Seven hours late (past the 6-hour grace), that partition still finishes the slot; the others skip it.
  await e3.stop(false);
  const annPart = partitionOf('ann', 4);
  const s5 = slot + 4 * day;
  const annSlot = slotDocs.find((d) => d.journeyId === 'daily' && d.partition === annPart)!;
  await e3.runs.put({ ...annSlot, firing: s5 });
  const annRun = late.find((r) => r.customerId === 'ann')!;
  const { _rev: _r, ...rest } = annRun;
  await e3.runs.put({ ...rest, _id: annRun._id.replace(String(slot + 3 * day), String(s5)), state: null, log: [], notes: [], start: { triggerNodeId: 't', at: s5, attributes: {} } });
  offset = s5 + 7 * 3_600_000 - Date.now();
  const e4 = await h.engine({ now, worker: 'four' });
  const inAnnPart = customers.filter((c) => partitionOf(c, 4) === annPart).sort();
  await until(async () => (await runsOf('daily')).filter((r) => slotOf(r) === s5).length === inAnnPart.length
    && (await e4.runs.get<SlotDoc>(scheduleSlotId('daily', 't', annPart)))?.firing === undefined, 15_000, 'unfinished slot');
  await new Promise((r) => setTimeout(r, 2500));
  expect((await runsOf('daily')).filter((r) => slotOf(r) === s5).map((r) => r.customerId).sort()).toEqual(inAnnPart);
  expect(h.logs.some((l) => l.msg === 'Schedule slot missed; skipped' && l.worker === 'four')).toBe(inAnnPart.length < 3);
  // Each customer has exactly one run per fired slot (ids come from customer, journey, trigger and slot).
  const all = await runsOf('daily');
  expect(new Set(all.map((r) => `${r.customerId}@${slotOf(r)}`)).size).toBe(all.length);
}, 60_000);
