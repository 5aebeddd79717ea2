import { usePlatform } from '../../../platform';
import { PhotoField } from '../PhotoField';
import type { SectionProps } from './SectionBody';

/** An image (stored as an asset) or a link opened in the user's browser. */
export function MediaEditor({ section, edit }: SectionProps) {
  const platform = usePlatform();
  const data = section.data as { kind: 'image' | 'link'; assetId: string | null; url: string; caption: string };
  const set = (patch: Partial<typeof data>) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...data, ...patch } });
  const validUrl = /^https?:\/\/[^\s/]+/i.test(data.url);
  return (
    <div className="media-editor">
      <select aria-label="Media kind" value={data.kind} onChange={(e) => set({ kind: e.target.value as 'image' | 'link' })}>
        <option value="image">Image</option>
        <option value="link">Link</option>
      </select>
      {data.kind === 'image' ? (
        <PhotoField assetId={data.assetId} label={data.caption || 'media image'} onChange={(assetId) => set({ assetId })} />
      ) : (
        <div className="link-field">
          <input dir="auto" aria-label="Link address" placeholder="https://…" maxLength={2000} value={data.url} onChange={(e) => set({ url: e.target.value })} />
          {validUrl && <button type="button" className="link" onClick={() => void platform.openLink(data.url)}>Open</button>}
          {data.url !== '' && !validUrl && <p className="field-error">Links must start with http:// or https://; this one is not saved until it does.</p>}
        </div>
      )}
      <input dir="auto" aria-label="Caption" placeholder="Caption" maxLength={200} value={data.caption} onChange={(e) => set({ caption: e.target.value })} />
    </div>
  );
}
