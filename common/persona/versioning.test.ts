import { describe, expect, test } from 'vitest';
import { defaultVersionPolicy, shouldRecordVersion, type VersionTrigger } from './versioning';

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
