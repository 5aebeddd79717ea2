import { useEffect, type RefObject } from 'react';

/**
 * Reports the height a section card needs to show all its content (header + content, without
 * scrolling), whenever it changes. The content's own height is measured, not the card's: a card
 * grown to fit must be able to shrink back when text is deleted, and content that fills its card
 * (a free-text box, a chart) reports the card's height and so never makes it grow.
 */
export function useNeededHeight(ref: RefObject<HTMLElement | null>, id: string, onNeed: ((id: string, px: number) => void) | undefined) {
  useEffect(() => {
    const card = ref.current;
    const head = card?.querySelector<HTMLElement>('.section-head');
    const content = card?.querySelector<HTMLElement>('.section-content');
    if (!card || !head || !content || !onNeed) return;
    let grown: { extent: number; width: number; px: number } | undefined;
    const measure = () => {
      const kids = Array.from(content.children);
      if (kids.length === 0) return;
      const top = Math.min(...kids.map((k) => k.getBoundingClientRect().top));
      const bottom = Math.max(...kids.map((k) => k.getBoundingClientRect().bottom));
      const box = getComputedStyle(content);
      // Everything of the card that is not the content box (head, borders, gaps) taken as it is laid
      // out: summing the head and borders missed a few pixels, so a card sized to that sum still
      // overflowed, grew a row, then measured as fitting and shrank again, for ever.
      const chrome = card.offsetHeight - content.clientHeight;
      const need = chrome + (bottom - top) + parseFloat(box.paddingTop) + parseFloat(box.paddingBottom);
      // Overflowing content needs at least the overflow more (with room for rounding, which the canvas
      // takes off again). Without overflow the card never needs more than it has (a box that fills its card may measure
      // a pixel over it and would otherwise grow it a row at a time, for ever), and it gets the same
      // room for rounding: without it a card 2 px short of a row shrank into overflow and grew again.
      const overflows = content.scrollHeight > content.clientHeight + 1;
      const extent = Math.round(bottom - top);
      const width = card.offsetWidth;
      if (overflows) {
        const px = Math.ceil(Math.max(need, card.offsetHeight + content.scrollHeight - content.clientHeight) + 4);
        grown = { extent, width, px };
        onNeed(id, px);
        return;
      }
      // The children's boxes miss a margin that collapses out of the last of them (a list item's
      // margin-bottom), which the overflow counts: such a card overflowed at n rows, grew to n + 1, then
      // measured as fitting in n and shrank, for ever. Content of the same extent that overflowed at a
      // height keeps the height it needed then, at the same width only: the grid first lays cards out
      // at a default width (a title wrapping to two lines there) and then at the measured one, and a
      // height kept from the first pass left a card a row taller than the PDF prints it.
      const fits = Math.ceil(Math.min(need + 4, card.offsetHeight));
      const same = grown?.extent === extent && grown.width === width;
      onNeed(id, same && grown ? Math.max(fits, grown.px) : fits);
    };
    let frame = 0;
    const soon = () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(measure); };
    const sizes = new ResizeObserver(soon);
    const watch = () => {
      sizes.disconnect();
      sizes.observe(head);
      // The content box too: when the card grew by less than the overflow (the canvas rounds to its
      // rows), the content's new size triggers another measure instead of leaving an inner scroll.
      sizes.observe(content);
      for (const k of content.children) sizes.observe(k);
    };
    // Children come and go (a section body re-renders a different root), and what is drawn inside a
    // box of fixed size (a chart's legend) can overflow it without resizing it: watch the subtree.
    const changes = new MutationObserver(() => { watch(); soon(); });
    changes.observe(content, { childList: true, subtree: true, attributes: true, attributeFilter: ['width', 'height', 'style'] });
    watch();
    return () => { cancelAnimationFrame(frame); sizes.disconnect(); changes.disconnect(); };
  }, [ref, id, onNeed]);
}
