import { useCallback, useState } from 'react';
import ReactGridLayout, { useContainerWidth, type Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import { gridColumns, type LayoutItem, type PersonaChange, type PersonaDoc } from '../../../../../common/persona';
import { SectionCard } from './SectionCard';
import { useRightToLeft } from '../../../i18n';

/** Pixel height of one grid row. */
const rowHeight = 44;
/** Pixel gap between grid cells. */
const margin = 12;

/**
 * Grid rows a card of `px` pixels spans (n rows are n × rowHeight + (n − 1) × margin tall). A few
 * pixels of slack: content that fills its card (a chart, a text box) measures the card's own height
 * give or take rounding, and must not make it grow a row at each measure.
 */
function rowsFor(px: number | undefined): number {
  return px === undefined ? 0 : Math.ceil((px - slack + margin) / (rowHeight + margin));
}
const slack = 4;

/**
 * The persona canvas on react-grid-layout. Only the end of a drag or resize becomes an edit (one undo
 * step), and the stored layout is the model's compacted one, so the grid and the document agree.
 */
export function Canvas({ doc, edit, getDoc }: { doc: PersonaDoc; edit: (c: PersonaChange) => void; getDoc: () => PersonaDoc }) {
  const { width, containerRef, mounted } = useContainerWidth();
  const rtl = useRightToLeft();
  // Cards grow to show everything they hold (a long list item wraps instead of being cut): the
  // shown height is the stored one or what the content needs, whichever is taller. Display only:
  // the document keeps its layout until the user drags or resizes.
  const [needs, setNeeds] = useState<Record<string, number>>({});
  const onNeed = useCallback((id: string, px: number) => setNeeds((n) => (n[id] === px ? n : { ...n, [id]: px })), []);
  const layout = doc.sections.map((s) => ({ i: s.id, ...s.layout, h: Math.max(s.layout.h, rowsFor(needs[s.id])) }));
  const commit = (next: Layout) => {
    const items: LayoutItem[] = next.map((l) => ({ id: l.i, x: l.x, y: l.y, w: l.w, h: l.h }));
    edit({ kind: 'setLayout', layout: items });
  };
  return (
    // The grid places cards by offsets from the left edge (the persona's own layout, the same in its
    // exports), which an inherited right-to-left direction would shift off the canvas: the grid is
    // laid out left to right, and each card's content reads in the UI's direction.
    <div className={`canvas canvas-${doc.orientation}`} ref={containerRef} data-testid="persona-canvas" dir="ltr">
      {mounted && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: gridColumns[doc.orientation], rowHeight, margin: [margin, margin] }}
          dragConfig={{ enabled: true, handle: '.section-drag' }}
          resizeConfig={{ enabled: true, handles: ['se'] }}
          onDragStop={commit}
          onResizeStop={commit}
        >
          {doc.sections.map((s) => (
            <div key={s.id} className="grid-cell" dir={rtl ? 'rtl' : 'ltr'}>
              <SectionCard doc={doc} section={s} edit={edit} getDoc={getDoc} onNeed={onNeed} />
            </div>
          ))}
        </ReactGridLayout>
      )}
    </div>
  );
}
