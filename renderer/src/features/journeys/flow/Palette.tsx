import { palette, type PaletteItem } from '../../../../../common/journey';
import { NodeIcon } from '../../../ui/icons';

const groups: Array<{ title: string; kinds: ReadonlyArray<PaletteItem['kind']> }> = [
  { title: 'Triggers', kinds: ['trigger'] },
  { title: 'Actions', kinds: ['action'] },
  { title: 'Logic', kinds: ['wait', 'condition', 'multiSplit', 'randomSplit'] },
  { title: 'End', kinds: ['exit', 'goto'] },
];

/** The drag payload type of palette items: their index in `palette`. */
export const paletteDragType = 'application/x-cx-flow-step';

/** The node palette: a button per step type, added at the centre of the view on click or where it is dropped. */
export function Palette({ onAdd }: { onAdd: (item: PaletteItem) => void }) {
  return (
    <nav className="flow-palette" aria-label="Node palette">
      {groups.map((g) => (
        <section key={g.title}>
          <h3>{g.title}</h3>
          {palette.filter((p) => g.kinds.includes(p.kind)).map((p) => (
            <button type="button" key={p.label} onClick={() => onAdd(p)} aria-label={`Add ${p.label}`} draggable
              onDragStart={(e) => { e.dataTransfer.setData(paletteDragType, String(palette.indexOf(p))); e.dataTransfer.effectAllowed = 'copy'; }}>
              <NodeIcon node={{ kind: p.kind, config: 'type' in p ? { type: p.type } : undefined }} /> {p.label}
            </button>
          ))}
        </section>
      ))}
    </nav>
  );
}
