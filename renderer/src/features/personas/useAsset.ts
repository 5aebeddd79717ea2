import { useLiveDocument } from '../../db/hooks';
import type { Result } from '../../../../common/result';
import { err, ok } from '../../../../common/result';

function parseImage(doc: unknown): Result<{ src: string; width: number; height: number }> {
  const d = doc as { mimeType?: unknown; data?: unknown; width?: unknown; height?: unknown } | null;
  if (!d || typeof d.mimeType !== 'string' || !d.mimeType.startsWith('image/') || typeof d.data !== 'string') {
    return err('invalid-document', 'Not an image.');
  }
  return ok({ src: `data:${d.mimeType};base64,${d.data}`, width: Number(d.width ?? 0), height: Number(d.height ?? 0) });
}

/** An image asset as a `data:` URL (allowed by the CSP's img-src), or null while missing. */
export function useImageAsset(id: string | null): { src: string } | null {
  const { item } = useLiveDocument('assets', id, parseImage);
  return id ? item : null;
}
