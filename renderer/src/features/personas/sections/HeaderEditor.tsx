import { PhotoField } from '../PhotoField';
import type { SectionProps } from './SectionBody';

/** Identity header: photo, name, role and persona type (persona fields), market size and tagline. */
export function HeaderEditor({ doc, section, edit }: SectionProps) {
  const setData = (key: 'marketSize' | 'tagline', value: string) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, [key]: value } });
  return (
    <div className="header-editor">
      <PhotoField assetId={doc.photoAssetId} label={`photo of ${doc.name}`} onChange={(photoAssetId) => edit({ kind: 'setFields', fields: { photoAssetId } })} />
      <div className="header-fields">
        <input className="header-name" aria-label="Name" maxLength={120} value={doc.name} onChange={(e) => edit({ kind: 'setFields', fields: { name: e.target.value } })} />
        <input aria-label="Role" placeholder="Role" maxLength={120} value={doc.role} onChange={(e) => edit({ kind: 'setFields', fields: { role: e.target.value } })} />
        <input aria-label="Tagline" placeholder="One line about them" maxLength={200} value={String(section.data.tagline ?? '')} onChange={(e) => setData('tagline', e.target.value)} />
        <div className="header-row">
          <label>Type <input aria-label="Persona type" maxLength={60} value={doc.personaType} onChange={(e) => edit({ kind: 'setFields', fields: { personaType: e.target.value } })} /></label>
          <label>Market size <input aria-label="Market size" maxLength={200} value={String(section.data.marketSize ?? '')} onChange={(e) => setData('marketSize', e.target.value)} /></label>
        </div>
      </div>
    </div>
  );
}
