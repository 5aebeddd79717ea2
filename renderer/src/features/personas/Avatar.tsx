import { useEffect, useRef, useState } from 'react';
import { initials } from '../../../../common/persona';
import { useImageAsset } from './useAsset';
import { useT } from '../../i18n';

/**
 * A persona's round avatar on a card: the uploaded photo, or the initials (whole graphemes, so an
 * emoji-first name shows its emoji, not half of it). The list can hold a thousand cards, so a photo
 * is read from the database only once its card comes near the screen.
 */
export function Avatar({ name, photoAssetId, colour }: { name: string; photoAssetId: string | null; colour: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const t = useT();
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || !photoAssetId || near) return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: '400px' });
    seen.observe(el);
    return () => seen.disconnect();
  }, [photoAssetId, near]);
  const image = useImageAsset(near ? photoAssetId : null);
  return (
    <span ref={ref} className="avatar" style={{ background: colour }}>
      {image ? <img className="avatar-photo" src={image.src} alt={t('personas.card.photoOf', { name })} /> : <span aria-hidden="true">{initials(name)}</span>}
    </span>
  );
}
