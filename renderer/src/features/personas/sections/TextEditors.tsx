import type { SectionProps } from './SectionBody';

/** A free-text section's body. */
export function TextEditor({ section, edit }: SectionProps) {
  return (
    <textarea dir="auto"
      className="text-editor"
      aria-label={`${section.title || section.type} text`}
      maxLength={5000}
      placeholder="Write here"
      value={String(section.data.text ?? '')}
      onChange={(e) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, text: e.target.value } })}
    />
  );
}

/** A quote and who said it. */
export function QuoteEditor({ section, edit }: SectionProps) {
  const set = (key: 'text' | 'attribution', value: string) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, [key]: value } });
  return (
    <figure className="quote-editor">
      <textarea dir="auto" aria-label="Quote" maxLength={500} placeholder="“In their own words…”" value={String(section.data.text ?? '')} onChange={(e) => set('text', e.target.value)} />
      <input dir="auto" aria-label="Quote attribution" maxLength={200} placeholder="Who said it" value={String(section.data.attribution ?? '')} onChange={(e) => set('attribution', e.target.value)} />
    </figure>
  );
}
