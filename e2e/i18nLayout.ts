import type { Page } from '@playwright/test';

/**
 * Layout checks for translated screens: text that does not fit its box (clipped or spilling), and
 * controls drawn on top of each other. Measured in the page, on the elements people read.
 */

/** What a check found: the element's text and why it failed. */
export interface LayoutProblem { text: string; problem: string }

const readable = 'a, button, h1, h2, h3, label, legend, summary, th, dt, .muted, .status, .tag, .save-state, .palette-item, .field-label';

/** Text elements in `scopes` whose content is wider or taller than their box. */
export async function clippedText(page: Page, scopes: string[]): Promise<LayoutProblem[]> {
  return page.evaluate(({ scopes, readable }) => {
    const found: { text: string; problem: string }[] = [];
    for (const scope of scopes) {
      for (const root of document.querySelectorAll(scope)) {
        for (const el of root.querySelectorAll<HTMLElement>(readable)) {
          // Text for screen readers only is clipped on purpose.
          if (el.clientWidth === 0 || !el.textContent?.trim() || el.closest('.visually-hidden')) continue;
          // One pixel of rounding either way is not clipping.
          if (el.scrollWidth > el.clientWidth + 1) found.push({ text: el.textContent.trim().slice(0, 60), problem: `width ${el.scrollWidth} > ${el.clientWidth}` });
          else if (el.scrollHeight > el.clientHeight + 2 && getComputedStyle(el).overflowY !== 'visible') found.push({ text: el.textContent.trim().slice(0, 60), problem: `height ${el.scrollHeight} > ${el.clientHeight}` });
        }
      }
    }
    return found;
  }, { scopes, readable });
}

/** Pairs of visible controls and labels in `scopes` whose boxes overlap (neither inside the other). */
export async function overlappingText(page: Page, scopes: string[]): Promise<LayoutProblem[]> {
  return page.evaluate(({ scopes }) => {
    const found: { text: string; problem: string }[] = [];
    for (const scope of scopes) {
      for (const root of document.querySelectorAll(scope)) {
        const els = [...root.querySelectorAll<HTMLElement>('a, button, select, input, h1, h2, h3, label, .muted, .status, .tag, .save-state')]
          .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; });
        for (let i = 0; i < els.length; i++) {
          for (let j = i + 1; j < els.length; j++) {
            const a = els[i]!, b = els[j]!;
            if (a.contains(b) || b.contains(a)) continue;
            const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
            const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            // Touching edges (a pixel of border) is not overlap.
            if (x > 2 && y > 2) found.push({ text: `${a.textContent?.trim().slice(0, 30) || a.tagName} / ${b.textContent?.trim().slice(0, 30) || b.tagName}`, problem: `overlap ${Math.round(x)}×${Math.round(y)}` });
          }
        }
      }
    }
    return found;
  }, { scopes });
}
