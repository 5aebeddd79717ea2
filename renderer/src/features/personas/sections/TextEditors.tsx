import type { SectionProps } from './SectionBody';
import { useT } from '../../../i18n';

/** A free-text section's body. */
export function TextEditor({ section, edit }: SectionProps) {
  const t = useT();
  return (
    <textarea dir="auto"
      className="text-editor"
      aria-label={t('personas.text.label', { name: section.title || section.type })}
      maxLength={5000}
      placeholder={t('personas.text.hint')}
      value={String(section.data.text ?? '')}
      onChange={(e) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, text: e.target.value } })}
    />
  );
}

/** A quote and who said it. */
export function QuoteEditor({ section, edit }: SectionProps) {
  const t = useT();
  const set = (key: 'text' | 'attribution', value: string) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, [key]: value } });
  return (
    <figure className="quote-editor">
      <textarea dir="auto" aria-label={t('personas.quote.label')} maxLength={500} placeholder={t('personas.quote.hint')} value={String(section.data.text ?? '')} onChange={(e) => set('text', e.target.value)} />
      <input dir="auto" aria-label={t('personas.quote.attribution')} maxLength={200} placeholder={t('personas.quote.attributionHint')} value={String(section.data.attribution ?? '')} onChange={(e) => set('attribution', e.target.value)} />
    </figure>
  );
}
