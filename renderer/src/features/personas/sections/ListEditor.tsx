import { newId, sectionItems, type Evidence } from '../../../../../common/persona';
import { EvidenceControl } from './EvidenceControl';
import type { SectionProps } from './SectionBody';
import { X } from '../../../ui/icons';
import { WrapText } from '../../../ui/WrapText';
import { useT } from '../../../i18n';

/** A list of items (goals, frustrations, …), each with its text and evidence. */
export function ListEditor({ section, edit }: SectionProps) {
  const items = (sectionItems(section) ?? []) as { id: string; text: string; evidence?: Evidence }[];
  const t = useT();
  const name = section.title || section.type;
  return (
    <div className="list-editor">
      <ul>
        {items.map((item, i) => (
          <li key={item.id}>
            <WrapText
              aria-label={t('personas.list.item', { name, n: i + 1 })}
              value={item.text}
              maxLength={500}
              placeholder={t('personas.list.itemHint')}
              onChange={(text) => edit({ kind: 'updateItem', sectionId: section.id, itemId: item.id, patch: { text } })}
              onEnter={() => edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), text: '' }, index: i + 1 })}
            />
            <EvidenceControl
              evidence={item.evidence}
              label={t('personas.evidence.forItem', { name, n: i + 1 })}
              onChange={(evidence) => edit({ kind: 'updateItem', sectionId: section.id, itemId: item.id, patch: { evidence: evidence ?? undefined } })}
            />
            <button type="button" className="ghost" aria-label={t('personas.list.removeItem', { name, n: i + 1 })} onClick={() => edit({ kind: 'removeItem', sectionId: section.id, itemId: item.id })}><X size={14} /></button>
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), text: '' } })}>{t('personas.list.addItem')}</button>
    </div>
  );
}
