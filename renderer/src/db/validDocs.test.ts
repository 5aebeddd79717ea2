import { describe, expect, test } from 'vitest';
import { err, ok } from '../../../common/result';
import { docProblems, partitionDocs } from './validDocs';

const parseNamed = (doc: unknown) => {
  if (!doc || typeof doc !== 'object') return err('invalid-document', 'not an object');
  const name = (doc as { name?: unknown }).name;
  if (typeof name !== 'string') return err('invalid-document', 'name: expected text');
  if (name === 'boom') throw new Error('parser bug');
  return ok({ name });
};

describe('stored documents the app cannot use', () => {
  test('are skipped and reported while the rest is kept', () => {
    const docs = [{ id: 'a', name: 'Ana' }, { id: 'b', name: 7 }, null, 'junk', { id: 'c', name: 'boom' }, { id: 'd', name: 'Dev' }];
    const { items, problems } = partitionDocs('personas', docs, parseNamed);
    expect(items).toEqual([{ name: 'Ana' }, { name: 'Dev' }]);
    expect(problems).toEqual([
      { collection: 'personas', id: 'b', message: 'name: expected text' },
      { collection: 'personas', id: '(no id)', message: 'not an object' },
      { collection: 'personas', id: '(no id)', message: 'not an object' },
      { collection: 'personas', id: 'c', message: 'parser bug' },
    ]);
  });

  test('reports replace earlier ones from the same query instead of piling up', () => {
    docProblems.report('q1', [{ collection: 'personas', id: 'b', message: 'x' }]);
    docProblems.report('q1', [{ collection: 'personas', id: 'b', message: 'x' }]);
    docProblems.report('q2', [{ collection: 'journeys', id: 'j', message: 'y' }]);
    expect(docProblems.snapshot().map((p) => p.id)).toEqual(['b', 'j']);
    docProblems.report('q1', []);
    expect(docProblems.snapshot().map((p) => p.id)).toEqual(['j']);
  });
});
