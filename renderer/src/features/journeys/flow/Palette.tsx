import { palette, type PaletteItem } from '../../../../../common/journey';
import { NodeIcon } from '../../../ui/icons';
import { useT, type MessageId } from '../../../i18n';
import { paletteLabel } from './labels';

const groups: Array<{ title: MessageId; kinds: ReadonlyArray<PaletteItem['kind']> }> = [
  { title: 'journeyFlow.palette.triggers', kinds: ['trigger'] },
  { title: 'journeyFlow.palette.actions', kinds: ['action'] },
  { title: 'journeyFlow.palette.logic', kinds: ['wait', 'condition', 'multiSplit', 'randomSplit'] },
  { title: 'journeyFlow.palette.end', kinds: ['exit', 'goto'] },
];

/** The drag payload type of palette items: their index in `palette`. */
export const paletteDragType = 'application/x-cx-flow-step';

/**
 * The node palette: a button per step type, added at the centre of the view on click or where it is
 * dropped. Items go out with their name in the current language, which a new step takes as its label.
 */
export function Palette({ onAdd }: { onAdd: (item: PaletteItem) => void }) {
  const t = useT();
  return (
    <nav className="flow-palette" aria-label={t('journeyFlow.palette.label')}>
      {groups.map((g) => (
        <section key={g.title}>
          <h3>{t(g.title)}</h3>
          {palette.filter((p) => g.kinds.includes(p.kind)).map((p) => (
            <button type="button" key={p.label} onClick={() => onAdd({ ...p, label: paletteLabel(t, p) })} aria-label={t('journeyFlow.palette.add', { label: paletteLabel(t, p) })} draggable
              onDragStart={(e) => { e.dataTransfer.setData(paletteDragType, String(palette.indexOf(p))); e.dataTransfer.effectAllowed = 'copy'; }}>
              <NodeIcon node={{ kind: p.kind, config: 'type' in p ? { type: p.type } : undefined }} /> {paletteLabel(t, p)}
            </button>
          ))}
        </section>
      ))}
    </nav>
  );
}
