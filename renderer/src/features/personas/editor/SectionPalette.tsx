import { sectionCatalogue, sectionGroups, type SectionGroup } from '../../../../../common/persona';

const groupLabels: Record<SectionGroup, string> = {
  identity: 'Identity', lists: 'Lists', text: 'Text', profile: 'Profile', charts: 'Charts and scales', media: 'Media', other: 'Other',
};

/** The palette of section types; a click adds one in the first free spot of the canvas. */
export function SectionPalette({ onAdd }: { onAdd: (type: string) => void }) {
  return (
    <nav className="section-palette" aria-label="Add section">
      {sectionGroups.map((g) => (
        <div key={g} className="palette-group">
          <h3>{groupLabels[g]}</h3>
          {sectionCatalogue.filter((d) => d.group === g).map((d) => (
            <button key={d.type} type="button" className="palette-item" title={d.description} aria-label={`Add ${d.label}`} onClick={() => onAdd(d.type)}>
              + {d.label}
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}
