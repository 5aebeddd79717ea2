import { isExternalLink } from '../../../common/security/trustedUrl';
import { err, ok } from '../../../common/result';
import type { Platform } from './platform';
import { pickFile } from './platform';

const extensionOf = { png: 'png', pdf: 'pdf', xlsx: 'xlsx', csv: 'csv', json: 'json', cxstudio: 'cxstudio' } as const;
const mimeOf = {
  png: 'image/png',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  json: 'application/json',
  cxstudio: 'application/octet-stream',
} as const;

/** The browser implementation: downloads, a file input, and secrets kept only for this tab. */
export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    async saveFile({ suggestedName, kind, bytes }) {
      const ext = extensionOf[kind];
      const name = suggestedName.toLowerCase().endsWith(`.${ext}`) ? suggestedName : `${suggestedName}.${ext}`;
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeOf[kind] }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      // Revoke later: Chromium reads the blob asynchronously after the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return ok({ saved: true, fileName: name });
    },
    openFile: pickFile,
    // A browser tab cannot listen for teammates' connections.
    workshop: null,
    async openLink(url) {
      if (!isExternalLink(url)) return err('invalid-argument', 'Only http and https links can be opened.');
      window.open(url, '_blank', 'noopener,noreferrer');
      return ok({ opened: true });
    },
    secrets: {
      // A browser has no OS keychain: keep secrets for this tab only, never on disk.
      async get(key) {
        return ok({ value: sessionStorage.getItem(`secret:${key}`) });
      },
      async set(key, value) {
        sessionStorage.setItem(`secret:${key}`, value);
        return ok({ stored: true });
      },
      async delete(key) {
        sessionStorage.removeItem(`secret:${key}`);
        return ok({ deleted: true });
      },
    },
  };
}
