import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { diffBodies } from './diff';
import { exportJourney, journeyEnvelopeVersion, parseJourneyEnvelope, planImport, type JourneyEnvelope } from './envelope';
import { builtInTemplates, createFromTemplate } from './templates/index';

const journey = () => createFromTemplate(builtInTemplates()[1]!, { id: 'j_src', now: 1000 });
const envelope = (): JourneyEnvelope => exportJourney(journey(), Date.UTC(2026, 0, 2));
const problemsOf = (input: unknown) => {
  const r = parseJourneyEnvelope(input);
  return r.ok ? [] : r.problems;
};

describe('export and import', () => {
  test('an exported journey imports back unchanged, through JSON text', () => {
    const r = parseJourneyEnvelope(JSON.stringify(envelope()));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.data.sourceId).toBe('j_src');
    expect(r.data.warnings).toEqual([]);
    expect(diffBodies(r.data.snapshot, journey(), { includePositions: true })).toEqual([]);
  });

  test('files that are not journey exports are refused with one clear problem', () => {
    for (const input of ['', 'not json', '[]', 'null', '42', JSON.stringify({ type: 'cx-studio.persona', version: 1 }), JSON.stringify({ version: 1 })]) {
      const problems = problemsOf(input);
      expect(problems, input).toHaveLength(1);
    }
  });

  test('a file from a newer app asks for an update instead of guessing', () => {
    const [problem] = problemsOf({ ...envelope(), version: journeyEnvelopeVersion + 1 });
    expect(problem).toMatchObject({ path: 'version' });
    expect(problem!.message).toMatch(/newer/);
    for (const version of [-1, 1.5, '1', null]) expect(problemsOf({ ...envelope(), version })[0]?.path).toBe('version');
  });

  test('each malformed value is reported with its path', () => {
    const cases: Array<[string, (e: JourneyEnvelope) => void]> = [
      ['journey.name', (e) => { (e.journey as { name: unknown }).name = 7; }],
      ['journey.map.stages[1].colour', (e) => { e.journey.map.stages[1]!.colour = 'red'; }],
      ['journey.map.stages[0].id', (e) => { e.journey.map.stages[0]!.id = 'has space'; }],
      ['journey.map.lanes[0].type', (e) => { (e.journey.map.lanes[0] as { type: string }).type = 'sparkles'; }],
      ['journey.flow.nodes[2].config.branches', (e) => { (e.journey.flow.nodes[2] as { config: unknown }).config = { branches: 'x' }; }],
      ['journey.flow.nodes[0].kind', (e) => { (e.journey.flow.nodes[0] as { kind: string }).kind = 'teleport'; }],
      ['journey.flow.edges[0].target', (e) => { e.journey.flow.edges[0]!.target = 'n_missing'; }],
      ['journey.flow.edges[0].sourceHandle', (e) => { e.journey.flow.edges[0]!.sourceHandle = 'yes'; }],
      ['journey.flow.nodes[1].id', (e) => { e.journey.flow.nodes[1]!.id = e.journey.flow.nodes[0]!.id; }],
      ['journey.flow.nodes[0].stageId', (e) => { e.journey.flow.nodes[0]!.stageId = 'st_gone'; }],
      ['journey.map.cells.ln_404', (e) => { e.journey.map.cells.ln_404 = {}; }],
      ['journey.map.cells.ln_1.st_404', (e) => { e.journey.map.cells.ln_1!.st_404 = []; }],
      ['journey.personaIds[0]', (e) => { e.journey.personaIds = ['bad id!']; }],
    ];
    for (const [path, spoil] of cases) {
      const e = envelope();
      spoil(e);
      expect(problemsOf(e).map((p) => p.path), path).toContain(path);
    }
  });

  test('all problems of a file are reported at once', () => {
    const e = envelope();
    e.journey.map.stages[0]!.colour = 'red';
    e.journey.map.stages[1]!.colour = 'blue';
    expect(problemsOf(e).length).toBeGreaterThanOrEqual(2);
  });

  test('small gaps of older files are filled and reported as warnings', () => {
    const e = envelope() as unknown as { journey: Record<string, unknown> & { map: { stages: Array<Record<string, unknown>> } } };
    delete e.journey.tags;
    delete e.journey.description;
    delete e.journey.map.stages[0]!.colour;
    delete e.journey.map.stages[0]!.momentOfTruth;
    const r = parseJourneyEnvelope(e);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.data.warnings.map((w) => w.path)).toEqual(['journey.description', 'journey.tags', 'journey.map.stages[0].colour']);
  });

  test('format 0 (the seed platform\'s definition shape) is converted', () => {
    const v0 = {
      type: 'cx-studio.journey', version: 0,
      journey: {
        id: 'old', name: 'Legacy', description: 'from VTrustX',
        definition: {
          nodes: [{ id: 't', kind: 'trigger', label: 'Start', position: { x: 0, y: 0 }, config: { type: 'manual' } }],
          edges: [],
          map: {
            stages: [{ id: 's2', name: 'Use', order: 2, color: '#112233' }, { id: 's1', name: 'Buy', order: 1, color: '#445566' }],
            rows: [
              { id: 'r1', type: 'pain', name: 'Pains', cells: { s1: ['Slow checkout'], s2: 'Confusing app' } },
              { id: 'r2', type: 'graph', name: 'Feelings', cells: { s1: 1, s2: -1 } },
              { id: 'r3', type: 'mystery', name: 'Odd', cells: {} },
            ],
          },
        },
      },
    };
    const r = parseJourneyEnvelope(v0);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { map } = r.data.snapshot;
    expect(map.stages.map((s) => s.name)).toEqual(['Buy', 'Use']);
    expect(map.lanes.map((l) => l.type)).toEqual(['pains', 'emotion', 'text']);
    expect(map.cells.r1?.s2?.[0]?.text).toBe('Confusing app');
    expect(r.data.warnings.some((w) => w.path.endsWith('rows[2].type'))).toBe(true);
  });

  test('random garbage never throws, it is refused or accepted', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const r = parseJourneyEnvelope({ type: 'cx-studio.journey', version: 1, journey: value });
      expect(typeof r.ok).toBe('boolean');
    }));
  });

  test('random damage to a valid file never throws, and what is accepted is consistent', () => {
    const paths = (e: JourneyEnvelope) => [e.journey.map.stages, e.journey.map.lanes, e.journey.flow.nodes, e.journey.flow.edges] as unknown[][];
    fc.assert(fc.property(fc.nat(3), fc.nat(20), fc.jsonValue(), (list, index, value) => {
      const e = envelope();
      const target = paths(e)[list]!;
      target[index % Math.max(1, target.length)] = value;
      const r = parseJourneyEnvelope(e);
      if (r.ok) expect(r.data.snapshot.flow.edges.every((x) => r.data.snapshot.flow.nodes.some((n) => n.id === x.source))).toBe(true);
    }));
  });
});

describe('planning an import', () => {
  const parsed = () => {
    const r = parseJourneyEnvelope(envelope());
    if (!r.ok) throw new Error('parse');
    return r.data;
  };

  test('a journey whose id is free keeps its id and starts as a draft', () => {
    expect(planImport(parsed(), { newId: 'j_new', now: 5, existing: null, mode: 'copy' })).toMatchObject({ id: 'j_src', status: 'draft', publishedVersion: 0 });
  });

  test('an import never takes over an existing id unless asked to replace', () => {
    const existing = { ...journey(), status: 'active' as const, publishedVersion: 3, name: 'Mine' };
    const copy = planImport(parsed(), { newId: 'j_new', now: 5, existing, mode: 'copy' });
    expect(copy.id).toBe('j_new');
    expect(copy.name).toBe(`${parsed().snapshot.name} (copy)`);
    const replaced = planImport(parsed(), { newId: 'j_new', now: 5, existing, mode: 'replace' });
    expect(replaced).toMatchObject({ id: 'j_src', status: 'active', publishedVersion: 3, name: 'First purchase', updatedAt: 5 });
  });
});
