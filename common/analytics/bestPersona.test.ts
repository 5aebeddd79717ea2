import { expect, test } from 'vitest';
import { bestByComparison, bestPersonas } from './bestPersona';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

/** A persona's scores as the analysis holds them: codes per row, numerator per code, a denominator. */
function persona(codes: number[], numeratorOf: number[], denominator: number, inScope: Uint8Array) {
  return { scores: { rules: [], denominator, codes: Uint8Array.from(codes), numeratorOf: Uint32Array.from(numeratorOf) }, inScope };
}

test('by hand: the strictly best score wins, the first persona on ties (equal fractions too), none when all score 0 or are out of scope', () => {
  const all = new Uint8Array(5).fill(1);
  const results = [
    persona([0, 1, 2, 0, 1], [0, 1, 2], 4, all), // 0, 1/4, 2/4, 0, 1/4
    persona([0, 2, 1, 0, 1], [0, 1, 2], 2, Uint8Array.from([1, 1, 1, 1, 0])), // 0, 2/2, 1/2, 0, (out)
  ];
  expect([...bestPersonas(results, 5)]).toEqual([-1, 1, 0, -1, 0]);
  expect([...bestByComparison(results, results.map((r) => Array.from(r.scores.numeratorOf, (v) => v / r.scores.denominator)), 5)]).toEqual([-1, 1, 0, -1, 0]);
});

test('keys give what plain comparison gives, with one shared scope and with a scope per persona, across blocks', () => {
  const rnd = prng(21);
  const n = 9000;
  for (const [count, sharedScope] of [[1, true], [7, true], [7, false], [40, false]] as const) {
    const shared = Uint8Array.from({ length: n }, () => (rnd() < 0.9 ? 1 : 0));
    const results = Array.from({ length: count }, () => {
      const K = 1 + Math.floor(rnd() * 30);
      const den = 1 + Math.floor(rnd() * 12);
      const numeratorOf = Array.from({ length: K }, () => Math.floor(rnd() * (den + 1)));
      const scope = sharedScope ? shared : Uint8Array.from({ length: n }, () => (rnd() < 0.8 ? 1 : 0));
      return persona(Array.from({ length: n }, () => Math.floor(rnd() * K)), numeratorOf, den, scope);
    });
    const scoreOf = results.map((r) => Array.from(r.scores.numeratorOf, (v) => v / r.scores.denominator));
    expect([...bestPersonas(results, n)], `${count} personas, shared scope ${sharedScope}`).toEqual([...bestByComparison(results, scoreOf, n)]);
  }
});
