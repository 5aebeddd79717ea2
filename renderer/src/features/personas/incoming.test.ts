import { describe, expect, test } from 'vitest';
import { classifyIncoming } from './incoming';

const base = { first: false, stamp: 5, ownStamps: new Set([3, 5]), writing: false, unwritten: false };

describe('classifyIncoming', () => {
  test('the first document starts the editor, whatever else holds', () => {
    expect(classifyIncoming({ ...base, first: true, writing: true })).toBe('start');
  });

  test('the echo of our own write is recognised even while that write is still under way', () => {
    expect(classifyIncoming({ ...base, writing: true, unwritten: true })).toBe('own-echo');
  });

  test('a teammate’s version is merged with edits of ours that are being or still to be written', () => {
    expect(classifyIncoming({ ...base, stamp: 9, writing: true })).toBe('merge');
    expect(classifyIncoming({ ...base, stamp: 9, unwritten: true })).toBe('merge');
  });

  test('a teammate’s version is shown when everything of ours is written', () => {
    for (const stamp of [9, undefined, '5', null]) expect(classifyIncoming({ ...base, stamp })).toBe('adopt');
  });
});
