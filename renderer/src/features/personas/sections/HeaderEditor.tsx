import { PhotoField } from '../PhotoField';
import type { SectionProps } from './SectionBody';
import { WrapText } from '../../../ui/WrapText';
import { useT } from '../../../i18n';

/** Identity header: photo, name, role and persona type (persona fields), market size and tagline. */
export function HeaderEditor({ doc, section, edit }: SectionProps) {
  const t = useT();
  const setData = (key: 'marketSize' | 'tagline', value: string) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, [key]: value } });
  return (
    <div className="header-editor">
      <PhotoField assetId={doc.photoAssetId} name={doc.name} label={t('personas.photo.ofName', { name: doc.name })} onChange={(photoAssetId) => edit({ kind: 'setFields', fields: { photoAssetId } })} />
      <div className="header-fields">
        <input dir="auto" className="header-name" aria-label={t('personas.header.name')} maxLength={120} value={doc.name} onChange={(e) => edit({ kind: 'setFields', fields: { name: e.target.value } })} />
        <WrapText aria-label={t('personas.header.role')} placeholder={t('personas.header.role')} maxLength={120} value={doc.role} onChange={(role) => edit({ kind: 'setFields', fields: { role } })} />
        <WrapText aria-label={t('personas.header.tagline')} placeholder={t('personas.header.taglineHint')} maxLength={200} value={String(section.data.tagline ?? '')} onChange={(v) => setData('tagline', v)} />
        <div className="header-row">
          <label>{t('personas.header.type')} <input dir="auto" aria-label={t('personas.header.personaType')} maxLength={60} value={doc.personaType} onChange={(e) => edit({ kind: 'setFields', fields: { personaType: e.target.value } })} /></label>
          <label>{t('personas.header.marketSize')} <WrapText aria-label={t('personas.header.marketSize')} maxLength={200} value={String(section.data.marketSize ?? '')} onChange={(v) => setData('marketSize', v)} /></label>
        </div>
      </div>
    </div>
  );
}
