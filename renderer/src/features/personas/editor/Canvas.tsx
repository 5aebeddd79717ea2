import ReactGridLayout, { useContainerWidth, type Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import { gridColumns, type LayoutItem, type PersonaChange, type PersonaDoc } from '../../../../../common/persona';
import { SectionCard } from './SectionCard';

/** Pixel height of one grid row. */
const rowHeight = 44;

/**
 * The persona canvas on react-grid-layout. Only the end of a drag or resize becomes an edit (one undo
 * step), and the stored layout is the model's compacted one, so the grid and the document agree.
 */
export function Canvas({ doc, edit, getDoc }: { doc: PersonaDoc; edit: (c: PersonaChange) => void; getDoc: () => PersonaDoc }) {
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = doc.sections.map((s) => ({ i: s.id, ...s.layout }));
  const commit = (next: Layout) => {
    const items: LayoutItem[] = next.map((l) => ({ id: l.i, x: l.x, y: l.y, w: l.w, h: l.h }));
    edit({ kind: 'setLayout', layout: items });
  };
  return (
    <div className={`canvas canvas-${doc.orientation}`} ref={containerRef} data-testid="persona-canvas">
      {mounted && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: gridColumns[doc.orientation], rowHeight, margin: [12, 12] }}
          dragConfig={{ enabled: true, handle: '.section-drag' }}
          resizeConfig={{ enabled: true, handles: ['se'] }}
          onDragStop={commit}
          onResizeStop={commit}
        >
          {doc.sections.map((s) => (
            <div key={s.id} className="grid-cell">
              <SectionCard doc={doc} section={s} edit={edit} getDoc={getDoc} />
            </div>
          ))}
        </ReactGridLayout>
      )}
    </div>
  );
}
