import { sectionCatalogue, sectionGroups, type SectionGroup } from '../../../../../common/persona';
import { useT, type MessageId } from '../../../i18n';
import { sectionTypeDescription, sectionTypeMessage } from '../labels';

const groupLabels: Record<SectionGroup, MessageId> = {
  identity: 'personas.palette.group.identity', lists: 'personas.palette.group.lists', text: 'personas.palette.group.text',
  profile: 'personas.palette.group.profile', charts: 'personas.palette.group.charts', media: 'personas.palette.group.media',
  other: 'personas.palette.group.other',
};

/** The palette of section types; a click adds one in the first free spot of the canvas. */
export function SectionPalette({ onAdd }: { onAdd: (type: string) => void }) {
  const t = useT();
  const name = (type: string, fallback: string) => { const m = sectionTypeMessage(type); return m ? t(m) : fallback; };
  const about = (type: string, fallback: string) => { const m = sectionTypeDescription(type); return m ? t(m) : fallback; };
  return (
    <nav className="section-palette" aria-label={t('personas.palette.label')}>
      {sectionGroups.map((g) => (
        <div key={g} className="palette-group">
          <h3>{t(groupLabels[g])}</h3>
          {sectionCatalogue.filter((d) => d.group === g).map((d) => (
            <button key={d.type} type="button" className="palette-item" title={about(d.type, d.description)} aria-label={t('personas.palette.add', { type: name(d.type, d.label) })} onClick={() => onAdd(d.type)}>
              {t('personas.palette.item', { type: name(d.type, d.label) })}
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}
