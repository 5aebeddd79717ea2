import { newId, type LevelItem, type Scale } from '../../../../../common/persona';
import type { SectionProps } from './SectionBody';
import { X } from '../../../ui/icons';
import { WrapText } from '../../../ui/WrapText';

/** Behaviour scales: a slider between two editable poles. */
export function ScalesEditor({ section, edit }: SectionProps) {
  const scales = (section.data.scales ?? []) as Scale[];
  const patch = (id: string, p: Partial<Scale>) => edit({ kind: 'updateItem', sectionId: section.id, itemId: id, patch: p });
  return (
    <div className="scales-editor">
      {scales.map((s, i) => (
        <div key={s.id} className="scale-row">
          <WrapText aria-label={`Scale ${i + 1} left pole`} maxLength={200} value={s.left} onChange={(v) => patch(s.id, { left: v })} />
          <input type="range" min={0} max={100} value={s.value} aria-label={`${s.left} to ${s.right}`} onChange={(e) => patch(s.id, { value: Number(e.target.value) })} />
          <WrapText aria-label={`Scale ${i + 1} right pole`} maxLength={200} value={s.right} onChange={(v) => patch(s.id, { right: v })} />
          <button type="button" className="ghost" aria-label={`Remove scale ${i + 1}`} onClick={() => edit({ kind: 'removeItem', sectionId: section.id, itemId: s.id })}><X size={14} /></button>
        </div>
      ))}
      <button type="button" className="link" onClick={() => edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), left: 'Left', right: 'Right', value: 50 } })}>+ Add scale</button>
    </div>
  );
}

/** Labelled levels 0–100: personality traits or technology proficiency. */
export function LevelsEditor({ section, edit }: SectionProps) {
  const items = (section.data.items ?? []) as LevelItem[];
  const name = section.title || section.type;
  return (
    <div className="levels-editor">
      {items.map((it, i) => (
        <div key={it.id} className="level-row">
          <WrapText aria-label={`${name} ${i + 1}`} maxLength={200} value={it.label} onChange={(v) => edit({ kind: 'updateItem', sectionId: section.id, itemId: it.id, patch: { label: v } })} />
          <input type="range" min={0} max={100} value={it.level} aria-label={`${it.label || name} level`} onChange={(e) => edit({ kind: 'updateItem', sectionId: section.id, itemId: it.id, patch: { level: Number(e.target.value) } })} />
          <button type="button" className="ghost" aria-label={`Remove ${name} ${i + 1}`} onClick={() => edit({ kind: 'removeItem', sectionId: section.id, itemId: it.id })}><X size={14} /></button>
        </div>
      ))}
      <button type="button" className="link" onClick={() => edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), label: '', level: 50 } })}>+ Add</button>
    </div>
  );
}
