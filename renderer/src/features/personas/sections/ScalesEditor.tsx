import { newId, type LevelItem, type Scale } from '../../../../../common/persona';
import type { SectionProps } from './SectionBody';
import { X } from '../../../ui/icons';
import { WrapText } from '../../../ui/WrapText';
import { useT } from '../../../i18n';

/** Behaviour scales: a slider between two editable poles. */
export function ScalesEditor({ section, edit }: SectionProps) {
  const scales = (section.data.scales ?? []) as Scale[];
  const t = useT();
  const patch = (id: string, p: Partial<Scale>) => edit({ kind: 'updateItem', sectionId: section.id, itemId: id, patch: p });
  return (
    <div className="scales-editor">
      {scales.map((s, i) => (
        <div key={s.id} className="scale-row">
          <WrapText aria-label={t('personas.scales.left', { n: i + 1 })} maxLength={200} value={s.left} onChange={(v) => patch(s.id, { left: v })} />
          <input type="range" min={0} max={100} value={s.value} aria-label={t('personas.scales.between', { left: s.left, right: s.right })} onChange={(e) => patch(s.id, { value: Number(e.target.value) })} />
          <WrapText aria-label={t('personas.scales.right', { n: i + 1 })} maxLength={200} value={s.right} onChange={(v) => patch(s.id, { right: v })} />
          <button type="button" className="ghost" aria-label={t('personas.scales.remove', { n: i + 1 })} onClick={() => edit({ kind: 'removeItem', sectionId: section.id, itemId: s.id })}><X size={14} /></button>
        </div>
      ))}
      <button type="button" className="link" onClick={() => edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), left: t('personas.scales.newLeft'), right: t('personas.scales.newRight'), value: 50 } })}>{t('personas.scales.add')}</button>
    </div>
  );
}

/** Labelled levels 0–100: personality traits or technology proficiency. */
export function LevelsEditor({ section, edit }: SectionProps) {
  const items = (section.data.items ?? []) as LevelItem[];
  const t = useT();
  const name = section.title || section.type;
  return (
    <div className="levels-editor">
      {items.map((it, i) => (
        <div key={it.id} className="level-row">
          <WrapText aria-label={t('personas.levels.item', { name, n: i + 1 })} maxLength={200} value={it.label} onChange={(v) => edit({ kind: 'updateItem', sectionId: section.id, itemId: it.id, patch: { label: v } })} />
          <input type="range" min={0} max={100} value={it.level} aria-label={t('personas.levels.level', { name: it.label || name })} onChange={(e) => edit({ kind: 'updateItem', sectionId: section.id, itemId: it.id, patch: { level: Number(e.target.value) } })} />
          <button type="button" className="ghost" aria-label={t('personas.levels.remove', { name, n: i + 1 })} onClick={() => edit({ kind: 'removeItem', sectionId: section.id, itemId: it.id })}><X size={14} /></button>
        </div>
      ))}
      <button type="button" className="link" onClick={() => edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), label: '', level: 50 } })}>{t('personas.levels.add')}</button>
    </div>
  );
}
