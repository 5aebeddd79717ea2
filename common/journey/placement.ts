/** An axis-aligned box in flow coordinates: top-left corner and size. */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How many grid steps {@link freeSpot} looks away from the wanted spot before keeping it anyway. */
const maxRings = 40;

function overlaps(a: FlowRect, b: FlowRect, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * The top-left corner nearest `want` where a box of `size` overlaps none of `taken` (kept `gap`
 * apart), so a new step never lands on top of another one and hides it. Candidates lie on a grid
 * half a box apart around `want`, tried nearest first; with none free within {@link maxRings} grid
 * steps (a canvas packed solid), `want` itself.
 */
export function freeSpot(
  taken: readonly FlowRect[], want: { x: number; y: number }, size: { width: number; height: number }, gap = 16,
): { x: number; y: number } {
  const fits = (x: number, y: number) => !taken.some((t) => overlaps({ x, y, ...size }, t, gap));
  if (fits(want.x, want.y)) return { x: want.x, y: want.y };
  const stepX = Math.max(1, Math.round(size.width / 2));
  const stepY = Math.max(1, Math.round(size.height / 2));
  const spots: Array<{ x: number; y: number; d: number }> = [];
  for (let i = -maxRings; i <= maxRings; i++) {
    for (let j = -maxRings; j <= maxRings; j++) {
      const x = want.x + i * stepX;
      const y = want.y + j * stepY;
      spots.push({ x, y, d: (x - want.x) ** 2 + (y - want.y) ** 2 });
    }
  }
  spots.sort((a, b) => a.d - b.d);
  const free = spots.find((s) => fits(s.x, s.y));
  return free ? { x: free.x, y: free.y } : { x: want.x, y: want.y };
}
