import { duplicateSectionChange, getSectionDef, newId, type PersonaChange, type PersonaDoc, type PersonaSection } from '../../../../../common/persona';
import { EvidenceControl } from '../sections/EvidenceControl';
import { SectionBody } from '../sections/SectionBody';

/** One section on the canvas: a drag handle, its title, evidence, duplicate and remove, then its content. */
export function SectionCard({ doc, section, edit }: { doc: PersonaDoc; section: PersonaSection; edit: (c: PersonaChange) => void }) {
  const label = getSectionDef(section.type)?.label ?? section.type;
  const duplicate = () => {
    const change = duplicateSectionChange(doc, section.id, newId);
    if (change) edit(change);
  };
  return (
    <article className={`section-card section-${section.type}`} aria-label={`${label} section: ${section.title}`} data-section-type={section.type}>
      <header className="section-head">
        <span className="section-drag" title="Drag to move" aria-hidden="true">⠿</span>
        <input
          className="section-title"
          aria-label={`${label} title`}
          value={section.title}
          maxLength={200}
          onChange={(e) => edit({ kind: 'updateSection', sectionId: section.id, title: e.target.value })}
        />
        <EvidenceControl
          evidence={section.evidence}
          label={`Evidence for ${section.title || label}`}
          onChange={(evidence) => edit({ kind: 'updateSection', sectionId: section.id, evidence })}
        />
        <button type="button" className="ghost" aria-label={`Duplicate ${section.title || label}`} title="Duplicate" onClick={duplicate}>⧉</button>
        <button type="button" className="ghost" aria-label={`Remove ${section.title || label}`} title="Remove" onClick={() => edit({ kind: 'removeSection', sectionId: section.id })}>×</button>
      </header>
      <div className="section-content">
        <SectionBody doc={doc} section={section} edit={edit} />
      </div>
    </article>
  );
}
