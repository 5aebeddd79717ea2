import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { checkIntegrity } from './integrity';
import { createJourney, journeySnapshotSchema } from './journey';
import { layoutFlow } from './layout';
import { builtInTemplates, createFromTemplate, readTemplateDoc, templateFromJourney } from './templates/index';
import { validateFlow } from './validateFlow';
import { journeysSchema } from '../db/schemas/journeys';

describe('built-in templates', () => {
  test('cover onboarding, first purchase, support recovery, NPS follow-up, renewal and win-back', () => {
    expect(builtInTemplates().map((t) => t.id)).toEqual([
      'tpl_onboarding', 'tpl_first_purchase', 'tpl_support_recovery', 'tpl_nps_follow_up', 'tpl_renewal', 'tpl_win_back',
    ]);
  });

  for (const t of builtInTemplates()) {
    test(`${t.name}: a consistent map with every lane kind it needs and a flow with no problems`, () => {
      expect(v.safeParse(journeySnapshotSchema, t.body).success).toBe(true);
      expect(checkIntegrity(t.body, 'body')).toEqual([]);
      expect(validateFlow(t.body.flow, { stageIds: new Set(t.body.map.stages.map((s) => s.id)) })).toEqual([]);
      expect(t.body.map.stages.some((s) => s.momentOfTruth)).toBe(true);
      expect(t.body.map.lanes.map((l) => l.type)).toEqual(expect.arrayContaining(['emotion', 'metric']));
      expect(t.body.flow.nodes.every((n) => n.stageId === undefined || t.body.map.stages.some((s) => s.id === n.stageId))).toBe(true);
    });
  }
});

describe('custom templates', () => {
  test('a journey saved as a template creates an equal journey, without persona links', () => {
    const source = { ...createFromTemplate(builtInTemplates()[2]!, { id: 'j_1', now: 1 }), personaIds: ['p_1'] };
    const doc = templateFromJourney(source, { id: 'tp_1', name: 'Our recovery', now: 2 });
    const read = readTemplateDoc(JSON.parse(JSON.stringify(doc)));
    if (!read.ok) throw new Error(read.message);
    const made = createFromTemplate(read.data, { id: 'j_2', now: 3 });
    expect(made).toMatchObject({ name: 'Our recovery', personaIds: [], templateId: 'tp_1', status: 'draft' });
    expect(made.flow).toEqual(source.flow);
  });

  test('damaged or foreign template documents are refused', () => {
    const doc = templateFromJourney(createJourney({ id: 'j', name: 'x', now: 1 }), { id: 'tp', name: 'x', now: 1 });
    for (const bad of [null, { ...doc, entity: 'persona' }, { ...doc, body: { map: 1 } }, { ...doc, id: 3 },
      { ...doc, body: { ...doc.body, flow: { nodes: [], edges: [{ id: 'e', source: 'a', target: 'b', sourceHandle: 'out' }] } } }]) {
      expect(readTemplateDoc(bad).ok).toBe(false);
    }
  });
});

describe('journey documents', () => {
  test('a journey document only uses fields the collection schema declares', () => {
    const j = createFromTemplate(builtInTemplates()[0]!, { id: 'j_1', now: 1, author: 'ana' });
    const declared = Object.keys(journeysSchema.properties);
    expect(Object.keys({ ...j, publishedAt: 1 }).filter((k) => !declared.includes(k))).toEqual([]);
    expect(journeysSchema.required.filter((k) => !(k in j))).toEqual([]);
  });
});

describe('layout', () => {
  test('every edge of an acyclic flow points downwards and no two node boxes overlap', () => {
    for (const t of builtInTemplates()) {
      const { nodes, edges } = t.body.flow;
      const pos = layoutFlow(nodes, edges, { nodeWidth: 220, nodeHeight: 90 });
      for (const e of edges) expect(pos[e.target]!.y, `${t.id} ${e.id}`).toBeGreaterThan(pos[e.source]!.y);
      for (const a of nodes) {
        for (const b of nodes) {
          if (a.id >= b.id) continue;
          const [p, q] = [pos[a.id]!, pos[b.id]!];
          const apart = Math.abs(p.x - q.x) >= 220 || Math.abs(p.y - q.y) >= 90;
          expect(apart, `${t.id}: ${a.id} overlaps ${b.id}`).toBe(true);
        }
      }
    }
  });

  test('loops and disconnected nodes still get a position each', () => {
    const base = builtInTemplates()[0]!.body.flow;
    const last = base.nodes[base.nodes.length - 1]!;
    const nodes = [...base.nodes, { ...last, id: 'n_lonely' }];
    const edges = [...base.edges, { id: 'loop', source: base.nodes[3]!.id, target: base.nodes[1]!.id, sourceHandle: 'out' }];
    const pos = layoutFlow(nodes, edges);
    expect(Object.keys(pos).sort()).toEqual(nodes.map((n) => n.id).sort());
    expect(Object.values(pos).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });
});
