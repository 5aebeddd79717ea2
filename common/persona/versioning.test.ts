import { describe, expect, test } from 'vitest';
import { sequentialIds } from './ids';
import { createFromTemplate } from './instantiate';
import { builtInTemplates } from './templates/index';
import { beforeRestoreNote, defaultVersionPolicy, needsVersion, shouldRecordVersion, type VersionTrigger } from './versioning';

const { idleMs, maxIntervalMs } = defaultVersionPolicy;
const t0 = 1_000_000;

describe('shouldRecordVersion', () => {
  test('never records when nothing changed since the last version', () => {
    for (const trigger of ['save', 'idle', 'leave', 'explicit'] as VersionTrigger[]) {
      expect(shouldRecordVersion(trigger, { changedSinceVersion: false, lastVersionAt: null, lastEditAt: t0, now: t0 + maxIntervalMs * 2 })).toBe(false);
    }
  });

  test('does not record on each keystroke save while the user is typing', () => {
    for (let i = 0; i < 50; i++) {
      const now = t0 + i * 300;
      expect(shouldRecordVersion('save', { changedSinceVersion: true, lastVersionAt: t0, lastEditAt: now, now })).toBe(false);
    }
  });

  test('records once the user has been idle long enough', () => {
    const state = { changedSinceVersion: true, lastVersionAt: t0, lastEditAt: t0 + 5000 };
    expect(shouldRecordVersion('idle', { ...state, now: t0 + 5000 + idleMs - 1 })).toBe(false);
    expect(shouldRecordVersion('idle', { ...state, now: t0 + 5000 + idleMs })).toBe(true);
  });

  test('records when the user leaves the editor or asks for a version', () => {
    const state = { changedSinceVersion: true, lastVersionAt: t0, lastEditAt: t0 + 1, now: t0 + 2 };
    expect(shouldRecordVersion('leave', state)).toBe(true);
    expect(shouldRecordVersion('explicit', state)).toBe(true);
  });

  test('records during long uninterrupted editing at the maximum interval', () => {
    const now = t0 + maxIntervalMs;
    expect(shouldRecordVersion('save', { changedSinceVersion: true, lastVersionAt: t0, lastEditAt: now, now })).toBe(true);
  });
});

describe('needsVersion and beforeRestoreNote', () => {
  const sample = () => createFromTemplate(builtInTemplates[0]!, { ids: sequentialIds('n'), now: 1, author: 'ana' });

  test('a persona with no version, or with edits its newest version lacks, needs one', () => {
    const doc = sample();
    expect(needsVersion(doc, null)).toBe(true);
    expect(needsVersion(doc, { snapshot: doc })).toBe(false);
    // A new save stamp alone is no edit.
    expect(needsVersion({ ...doc, updatedAt: 99, updatedBy: 'bo' }, { snapshot: doc })).toBe(false);
    expect(needsVersion({ ...doc, role: 'Edited' }, { snapshot: doc })).toBe(true);
  });

  test('the note says which restore it precedes and what the kept state changed', () => {
    const doc = sample();
    expect(beforeRestoreNote(1, { snapshot: doc }, { ...doc, name: 'Maya B' })).toBe(`Before restore of version 1: Renamed "${doc.name}" to "Maya B"`);
    expect(beforeRestoreNote(3, null, doc)).toBe('Before restore of version 3: the persona as it was');
  });
});
