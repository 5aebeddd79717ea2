import { useEffect, useState } from 'react';
import { useWorkspace } from '../../../db/WorkspaceContext';
import { usePlatform } from '../../../platform';
import { showToast } from '../../../ui/toast';
import { useT } from '../../../i18n';
import { maxAssetBase64Length } from '../../../../../common/db/schemas/assets';
import { randomId, type Card } from '../../../../../common/journey';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const mimeOf = (name: string) => (/\.png$/i.test(name) ? 'image/png' : /\.webp$/i.test(name) ? 'image/webp' : 'image/jpeg');

/**
 * An image card: the picture lives in the `assets` collection and the card keeps only its id, so
 * versions and list queries never carry the bytes.
 */
export function ImageCard({ card, onAsset }: { card: Card; onAsset: (assetId: string) => void }) {
  const t = useT();
  const db = useWorkspace();
  const platform = usePlatform();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!card.assetId) return;
    let live = true;
    db.assets.findOne(card.assetId).exec().then((doc) => {
      const d = doc?.toJSON() as { mimeType?: string; data?: string } | undefined;
      if (live && d?.data) setSrc(`data:${d.mimeType ?? 'image/png'};base64,${d.data}`);
    }).catch(() => undefined);
    return () => { live = false; };
  }, [db, card.assetId]);

  const pick = async () => {
    const file = await platform.openFile(['image/png', 'image/jpeg', 'image/webp']);
    if (!file) return;
    const data = toBase64(await file.bytes());
    if (data.length > maxAssetBase64Length) {
      showToast(t('journeyMap.image.tooLarge', { mb: 2 }), { tone: 'error', ms: 6000 });
      return;
    }
    const id = randomId('as');
    await db.assets.insert({ id, mimeType: mimeOf(file.name), data, createdAt: Date.now() });
    onAsset(id);
  };

  return (
    <div className="image-card">
      {card.assetId && src ? <img src={src} alt={card.text || t('journeyMap.image.alt')} /> : <span className="muted">{t(card.assetId ? 'journeyMap.image.notSynced' : 'journeyMap.image.none')}</span>}
      <button type="button" className="ghost" onClick={() => void pick()}>{t(card.assetId ? 'journeyMap.image.replace' : 'journeyMap.image.choose')}</button>
    </div>
  );
}
