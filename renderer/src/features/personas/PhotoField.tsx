import { useRef, useState } from 'react';
import { useWorkspace } from '../../db/WorkspaceContext';
import { initials, newId } from '../../../../common/persona';
import { acceptedImageTypes, fileToImageAsset } from './photo';
import { useImageAsset } from './useAsset';
import { useT } from '../../i18n';

/**
 * A photo chooser: the file is checked (PNG, JPEG or WebP, ≤ 5 MB), downscaled, stored in `assets`
 * and referred to by id. Anything else is refused with a message next to the photo.
 */
export function PhotoField({ assetId, name, label, onChange }: { assetId: string | null; /** The persona's name, for initials in place of a missing photo. */ name?: string; label: string; onChange: (id: string | null) => void }) {
  const db = useWorkspace();
  const t = useT();
  const image = useImageAsset(assetId);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    const asset = await fileToImageAsset(file, newId());
    if (asset.ok) {
      await db.assets.insert(asset.data);
      onChange(asset.data.id);
    } else setProblem(asset.message);
    setBusy(false);
    if (input.current) input.current.value = '';
  };
  return (
    <div className="photo-field">
      {image ? <img className="photo" src={image.src} alt={label} />
        // A persona without a photo shows initials on the canvas (and so in its PNG export, like the PDF).
        : name && !busy ? <div className="photo photo-initials" aria-hidden="true">{initials(name)}</div>
        : <div className="photo photo-empty" aria-hidden="true">{busy ? '…' : '+'}</div>}
      <label className="button photo-upload">
        {t(assetId ? 'personas.photo.change' : 'personas.photo.upload')}
        <input ref={input} type="file" accept={acceptedImageTypes.join(',')} aria-label={t('personas.photo.uploadNamed', { label })} className="visually-hidden" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {assetId && <button type="button" className="link" onClick={() => onChange(null)}>{t('personas.photo.remove')}</button>}
      {problem && <p className="field-error" role="alert">{problem}</p>}
    </div>
  );
}
