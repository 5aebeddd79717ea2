import { usePlatform } from '../../../platform';
import { PhotoField } from '../PhotoField';
import type { SectionProps } from './SectionBody';
import { useT } from '../../../i18n';

// An address looks the same in every language.
const urlExample = 'https://…';

/** An image (stored as an asset) or a link opened in the user's browser. */
export function MediaEditor({ section, edit }: SectionProps) {
  const platform = usePlatform();
  const t = useT();
  const data = section.data as { kind: 'image' | 'link'; assetId: string | null; url: string; caption: string };
  const set = (patch: Partial<typeof data>) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...data, ...patch } });
  const validUrl = /^https?:\/\/[^\s/]+/i.test(data.url);
  return (
    <div className="media-editor">
      <select aria-label={t('personas.media.kind')} value={data.kind} onChange={(e) => set({ kind: e.target.value as 'image' | 'link' })}>
        <option value="image">{t('personas.media.image')}</option>
        <option value="link">{t('personas.media.link')}</option>
      </select>
      {data.kind === 'image' ? (
        <PhotoField assetId={data.assetId} label={data.caption || t('personas.media.imageDefault')} onChange={(assetId) => set({ assetId })} />
      ) : (
        <div className="link-field">
          <input dir="auto" aria-label={t('personas.media.address')} placeholder={urlExample} maxLength={2000} value={data.url} onChange={(e) => set({ url: e.target.value })} />
          {validUrl && <button type="button" className="link" onClick={() => void platform.openLink(data.url)}>{t('personas.media.open')}</button>}
          {data.url !== '' && !validUrl && <p className="field-error">{t('personas.media.badLink')}</p>}
        </div>
      )}
      <input dir="auto" aria-label={t('personas.media.caption')} placeholder={t('personas.media.caption')} maxLength={200} value={data.caption} onChange={(e) => set({ caption: e.target.value })} />
    </div>
  );
}
