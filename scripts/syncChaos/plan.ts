import { blankExperiment } from '../../common/experiments/model';
import type { CollectionName } from '../../common/db/collections';
import { createJourney } from '../../common/journey/journey';
import { createBlankPersona } from '../../common/persona/instantiate';
import { canonicalJson } from '../../common/sync/merge';
import { seededRandom } from '../../sync-server/src/testing/faultProxy';
import type { LaptopCommand } from './protocol';

/**
 * The seeded workload of the sync chaos test and the model of what must survive it. Each laptop
 * creates, edits and deletes its own documents in every collection (their last written values
 * must win everywhere), edits its own sections of one shared persona (an element-by-element merge
 * must keep every laptop's last title), and all laptops rename the shared persona and journey at
 * once (a real conflict: one value wins everywhere, every laptop's last value is either that one
 * or kept in history).
 */

export const sharedPersona = 'shared-persona';
export const sharedJourney = 'shared-journey';
/** Fields each collection's own-document edit sets (history and assets are never edited by the app). */
const editable: Partial<Record<CollectionName, { field: string; stamp: boolean }>> = {
  personas: { field: 'role', stamp: true }, journeys: { field: 'description', stamp: true }, templates: { field: 'name', stamp: true },
  settings: { field: 'value', stamp: true }, datasets: { field: 'name', stamp: true }, snapshots: { field: 'inputsDigest', stamp: false },
};
const all: CollectionName[] = ['personas', 'journeys', 'history', 'templates', 'datasets', 'snapshots', 'assets', 'settings', 'experiments', 'segments'];

/** A new valid document of a collection. */
export function newDoc(collection: CollectionName, id: string, label: string, now: number): Record<string, unknown> {
  switch (collection) {
    case 'personas': {
      let n = 0;
      return { ...createBlankPersona({ ids: () => `${id}-${n++}`, now, author: label }, label), id } as never;
    }
    case 'journeys': return createJourney({ id, name: label, now, author: label }) as never;
    case 'history': return { id, kind: 'version', entity: 'persona', entityId: sharedPersona, number: 1, author: label, summary: label, snapshot: { name: label }, createdAt: now };
    case 'templates': return { id, entity: 'persona', name: label, body: { label }, createdAt: now, updatedAt: now };
    case 'datasets': return { id, kind: 'header', datasetId: id, name: label, rowCount: 0, updatedAt: now };
    case 'snapshots': return { id, entity: 'persona', entityId: sharedPersona, day: '2026-01-01', metrics: { label }, inputsDigest: label, computedAt: now };
    case 'assets': return { id, mimeType: 'image/png', data: btoa(label), createdAt: now };
    case 'settings': return { id, value: { label }, updatedAt: now };
    case 'experiments': return { ...blankExperiment(id, now, label) };
    case 'segments': return { id, name: label, sourceKind: 'cluster', personaId: '', sourceLabel: label, rules: [{ id: 'r', kind: 'oneOf', column: 'city', values: ['Leeds'] }], match: 'strong', datasetIds: [], createdAt: now, updatedAt: now };
  }
}

/** One step of the workload: which laptop does what. */
export interface Step { laptop: number; command: LaptopCommand }

/** What the workload wrote, to check the end state against. */
export interface Expected {
  /** `collection/id` → field values that must hold, or null when deleted. */
  own: Map<string, Record<string, unknown> | null>;
  /** Section id of the shared persona → its owner's last title. */
  sections: Map<string, string>;
  /**
   * Per shared document, every laptop's last name. Such a name must end as the result, or be kept
   * in history as a conflict's losing side, or have been replaced by a laptop that had it.
   */
  names: Map<string, Map<number, string>>;
}

/** Builds the seeded workload for three laptops. */
export function plan(seed: number, steps: number, laptops = 3): { steps: Step[]; expected: Expected } {
  const random = seededRandom(seed * 7919 + 13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const expected: Expected = { own: new Map(), sections: new Map(), names: new Map([[sharedPersona, new Map()], [sharedJourney, new Map()]]) };
  const mine: { collection: CollectionName; id: string }[][] = Array.from({ length: laptops }, () => []);
  const out: Step[] = [];
  let counter = 0;
  for (let i = 0; i < steps; i++) {
    const laptop = Math.floor(random() * laptops);
    const value = `l${laptop}-${seed}-${i}`;
    const roll = random();
    const owned = mine[laptop]!;
    if (roll < 0.35 || owned.length === 0) {
      const collection = pick(all);
      const id = `l${laptop}x${seed}x${counter++}`;
      const doc = newDoc(collection, id, value, 1_700_000_000_000 + i);
      owned.push({ collection, id });
      expected.own.set(`${collection}/${id}`, {});
      out.push({ laptop, command: { type: 'create', collection, doc } });
    } else if (roll < 0.6) {
      const target = pick(owned);
      const edit = editable[target.collection];
      if (!edit || expected.own.get(`${target.collection}/${target.id}`) === null) continue;
      const fieldValue = edit.field === 'value' ? { value } : value;
      expected.own.get(`${target.collection}/${target.id}`)![edit.field] = fieldValue;
      out.push({ laptop, command: { type: 'set', collection: target.collection, id: target.id, fields: { [edit.field]: fieldValue }, stamp: edit.stamp } });
    } else if (roll < 0.75) {
      const sectionId = `sec-l${laptop}-${Math.floor(random() * 2)}`;
      expected.sections.set(sectionId, value);
      out.push({ laptop, command: { type: 'section', id: sharedPersona, sectionId, title: value } });
    } else if (roll < 0.9) {
      const [collection, id] = random() < 0.5 ? (['personas', sharedPersona] as const) : (['journeys', sharedJourney] as const);
      expected.names.get(id)!.set(laptop, value);
      out.push({ laptop, command: { type: 'set', collection, id, fields: { name: value }, stamp: true } });
    } else {
      const target = pick(owned);
      if (target.collection === 'history' || expected.own.get(`${target.collection}/${target.id}`) === null) continue;
      expected.own.set(`${target.collection}/${target.id}`, null);
      out.push({ laptop, command: { type: 'remove', collection: target.collection, id: target.id } });
    }
  }
  return { steps: out, expected };
}

/** A document's content as both sides hold it: no bookkeeping, no server stamps. */
export function content(doc: Record<string, unknown>): string {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_') && !k.startsWith('cx_')) rest[k] = v;
  if (typeof doc._id === 'string') rest.id = doc._id;
  return canonicalJson(rest);
}

/** Everything wrong with the end state; empty when no acknowledged write was lost. */
export function lostWrites(expected: Expected, state: Record<string, Record<string, unknown>[]>, replaced: Set<string>): string[] {
  const problems: string[] = [];
  const find = (collection: string, id: string) => state[collection]?.find((d) => d.id === id);
  for (const [key, fields] of expected.own) {
    const [collection, id] = key.split('/') as [string, string];
    const doc = find(collection, id);
    if (fields === null) {
      if (doc) problems.push(`${key} was deleted but is back`);
      continue;
    }
    if (!doc) {
      problems.push(`${key} is missing`);
      continue;
    }
    for (const [field, value] of Object.entries(fields)) {
      if (canonicalJson(doc[field]) !== canonicalJson(value)) problems.push(`${key}.${field} is ${JSON.stringify(doc[field])}, last written ${JSON.stringify(value)}`);
    }
  }
  const persona = find('personas', sharedPersona) as { sections?: { id: string; title: string }[] } | undefined;
  for (const [sectionId, title] of expected.sections) {
    const found = persona?.sections?.find((s) => s.id === sectionId);
    if (found?.title !== title) problems.push(`section ${sectionId} is ${JSON.stringify(found?.title)}, last written ${JSON.stringify(title)}`);
  }
  const kept = (state.history ?? []).filter((h) => h.kind === 'conflict').map((h) => (h.snapshot as { name?: string } | undefined)?.name);
  for (const [id, byLaptop] of expected.names) {
    const doc = find(id === sharedPersona ? 'personas' : 'journeys', id);
    for (const [laptop, name] of byLaptop) {
      if (doc?.name === name || kept.includes(name) || replaced.has(name)) continue;
      problems.push(`laptop ${laptop}'s last name for ${id} (${name}) is not the result (${String(doc?.name)}), not kept in history, and no laptop replaced it knowingly`);
    }
  }
  return problems;
}
