import { PhotoField } from '../PhotoField';
import type { SectionProps } from './SectionBody';
import { WrapText } from '../../../ui/WrapText';

/** Identity header: photo, name, role and persona type (persona fields), market size and tagline. */
export function HeaderEditor({ doc, section, edit }: SectionProps) {
  const setData = (key: 'marketSize' | 'tagline', value: string) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, [key]: value } });
  return (
    <div className="header-editor">
      <PhotoField assetId={doc.photoAssetId} name={doc.name} label={`photo of ${doc.name}`} onChange={(photoAssetId) => edit({ kind: 'setFields', fields: { photoAssetId } })} />
      <div className="header-fields">
        <input dir="auto" className="header-name" aria-label="Name" maxLength={120} value={doc.name} onChange={(e) => edit({ kind: 'setFields', fields: { name: e.target.value } })} />
        <WrapText aria-label="Role" placeholder="Role" maxLength={120} value={doc.role} onChange={(role) => edit({ kind: 'setFields', fields: { role } })} />
        <WrapText aria-label="Tagline" placeholder="One line about them" maxLength={200} value={String(section.data.tagline ?? '')} onChange={(v) => setData('tagline', v)} />
        <div className="header-row">
          <label>Type <input dir="auto" aria-label="Persona type" maxLength={60} value={doc.personaType} onChange={(e) => edit({ kind: 'setFields', fields: { personaType: e.target.value } })} /></label>
          <label>Market size <WrapText aria-label="Market size" maxLength={200} value={String(section.data.marketSize ?? '')} onChange={(v) => setData('marketSize', v)} /></label>
        </div>
      </div>
    </div>
  );
}
