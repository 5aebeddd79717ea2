/** Paper sizes offered for exports, in PDF points (1/72 inch), portrait width × height. */
export const paperSizes = {
  a4: { w: 595.28, h: 841.89 },
  letter: { w: 612, h: 792 },
  a3: { w: 841.89, h: 1190.55 },
  a2: { w: 1190.55, h: 1683.78 },
  a1: { w: 1683.78, h: 2383.94 },
  a0: { w: 2383.94, h: 3370.39 },
} as const;

/** A paper size key. */
export type PaperSize = keyof typeof paperSizes;
/** Page orientation. */
export type PageOrientation = 'portrait' | 'landscape';

/** Width and height of a page in points for a paper size turned to an orientation. */
export function pageSize(paper: PaperSize, orientation: PageOrientation): { w: number; h: number } {
  const p = paperSizes[paper];
  return orientation === 'portrait' ? { w: p.w, h: p.h } : { w: p.h, h: p.w };
}
