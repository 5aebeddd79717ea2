import { memo, useRef } from 'react';
import { duplicateSectionChange, moveSectionChange, newId, type PersonaChange, type PersonaDoc, type PersonaSection } from '../../../../../common/persona';
import { EvidenceControl } from '../sections/EvidenceControl';
import { SectionBody } from '../sections/SectionBody';
import { Copy, GripVertical, X } from '../../../ui/icons';
import { WrapText } from '../../../ui/WrapText';
import { useNeededHeight } from './useNeededHeight';
import { sectionTypeMessage } from '../labels';
import { useT } from '../../../i18n';

/** Section types whose content shows persona fields, so they must re-render when the persona does. */
const readsPersona = new Set(['header', 'liveMetrics']);

/**
 * One section on the canvas: a drag handle, its title, evidence, duplicate and remove, then its content.
 * Memoised on the section object: edits replace only the section they touch, so a keystroke in one
 * section re-renders that one, not the thirty around it (charts are expensive to re-render).
 */
export const SectionCard = memo(SectionCardView, (a, b) =>
  a.section === b.section && a.edit === b.edit && a.getDoc === b.getDoc && a.onNeed === b.onNeed && (!readsPersona.has(b.section.type) || a.doc === b.doc));

function SectionCardView({ doc, section, edit, getDoc, onNeed }: {
  doc: PersonaDoc;
  section: PersonaSection;
  edit: (c: PersonaChange) => void;
  /** The latest document, for actions that need it at click time (the `doc` prop may be stale). */
  getDoc: () => PersonaDoc;
  /** Told the height (px) the card needs to show everything, so the canvas can grow it. */
  onNeed?: (sectionId: string, px: number) => void;
}) {
  const ref = useRef<HTMLElement>(null);
  useNeededHeight(ref, section.id, onNeed);
  const t = useT();
  const typeMessage = sectionTypeMessage(section.type);
  const label = typeMessage ? t(typeMessage) : section.type;
  const name = section.title || label;
  const duplicate = () => {
    const change = duplicateSectionChange(getDoc(), section.id, newId);
    if (change) edit(change);
  };
  return (
    <article ref={ref} className={`section-card section-${section.type}`} aria-label={t('personas.section.label', { type: label, title: section.title })} data-section-type={section.type}>
      <header className="section-head">
        <button
          type="button"
          className="section-drag ghost"
          title={t('personas.section.dragHint')}
          aria-label={t('personas.section.move', { name })}
          onKeyDown={(e) => {
            const direction = e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? 'earlier' : e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 'later' : null;
            if (!direction) return;
            e.preventDefault();
            const change = moveSectionChange(getDoc(), section.id, direction);
            if (change) edit(change);
          }}
        >
          <GripVertical size={16} />
        </button>
        <WrapText
          className="section-title"
          aria-label={t('personas.section.titleOf', { type: label })}
          value={section.title}
          maxLength={200}
          onChange={(title) => edit({ kind: 'updateSection', sectionId: section.id, title })}
        />
        <EvidenceControl
          evidence={section.evidence}
          label={t('personas.evidence.for', { name })}
          onChange={(evidence) => edit({ kind: 'updateSection', sectionId: section.id, evidence })}
        />
        <button type="button" className="ghost" aria-label={t('personas.section.duplicateNamed', { name })} title={t('personas.section.duplicate')} onClick={duplicate}><Copy size={14} /></button>
        <button type="button" className="ghost" aria-label={t('personas.section.removeNamed', { name })} title={t('personas.section.remove')} onClick={() => edit({ kind: 'removeSection', sectionId: section.id })}><X size={14} /></button>
      </header>
      <div className="section-content" data-export-fit>
        <SectionBody doc={doc} section={section} edit={edit} />
      </div>
    </article>
  );
}
