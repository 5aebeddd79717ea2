import { describe, expect, test } from 'vitest';
import { visualOrder } from './pdfBidi';

describe('visualOrder', () => {
  test('mirrors brackets in right-to-left text, so "(≥ 70)" still opens toward its words', () => {
    // Logical "strong (≥ 70)" in Arabic: the closing bracket ends up leftmost, drawn as "(", and "≥"
    // is drawn mirrored as a browser draws it (read from the right it still says "at least").
    expect(visualOrder('قوي (≥ 70)')).toBe('(70 ≤) يوق');
    expect(visualOrder('الفترة: آخر رد (UTC)')).toBe('(UTC) در رخآ :ةرتفلا');
  });

  test('leaves left-to-right text and its brackets alone', () => {
    for (const s of ['Strong (≥ 70)', 'Maya (UTC) [a]', '']) expect(visualOrder(s)).toBe(s);
  });
});
