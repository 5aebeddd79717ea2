import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { securityHeaders } from '../../../common/security/csp';

/**
 * Serves the built renderer (`out/renderer`) under {@link appPrefix}, so a team can use the app in a
 * browser from the sync server itself. Database names never start with `_` (they are
 * `<tenant>-<collection>`), so `/_app/` cannot collide with one, and `/` stays CouchDB's welcome.
 * Every answer carries the app's CSP (the same header as Electron's app:// handler); files are
 * looked up by their real path inside the app directory only, so `..`, encoded slashes, NUL bytes
 * and symlinks pointing outside answer 404.
 */

/** Path under which the app is served. */
export const appPrefix = '/_app/';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Vite names built assets `<name>-<8+ char hash>.<ext>`: their content never changes under a name.
const hashedAsset = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const maxPathLength = 1024;

/** Answers for the app's static files. */
export interface StaticApp {
  /** Serves `path` (which starts with {@link appPrefix}); always writes an answer. */
  serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

/** A static server for the app directory `dir` (resolved once, with symlinks). */
export function createStaticApp(dir: string): StaticApp {
  const rootReady = realpath(dir);
  return {
    async serve(req, res, path) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'Only GET and HEAD are allowed here.', { allow: 'GET, HEAD' });
      }
      const root = await rootReady;
      const relative = safeRelative(path.slice(appPrefix.length));
      if (relative === undefined) return send(res, 404, 'Not found.');
      const file = await resolveInside(root, relative === '' ? 'index.html' : relative);
      if (!file) return send(res, 404, 'Not found.');
      const type = contentTypes[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
      const etag = `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
      const headers: Record<string, string | number> = {
        ...securityHeaders,
        'content-type': type,
        etag,
        // Hashed assets never change under their name; index.html must be re-checked every time,
        // or a deployed update would keep loading old bundles.
        'cache-control': hashedAsset.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': file.size });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      await pipeline(createReadStream(file.path), res).catch(() => res.destroy());
    },
  };
}

/**
 * The path below the prefix as a relative file path, or undefined when it could escape or is not
 * a plain file name: percent-decoding happens once, and the decoded form may not hold `..`
 * segments, backslashes, NUL or empty segments, nor start with a dot segment.
 */
export function safeRelative(raw: string): string | undefined {
  if (raw.length > maxPathLength) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded === '') return '';
  if (/[\\\0]/.test(decoded) || decoded.startsWith('/')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return undefined;
  return segments.join('/');
}

/** The real path of `relative` under `root` when it is a regular file inside it. */
async function resolveInside(root: string, relative: string): Promise<{ path: string; size: number; mtimeMs: number } | undefined> {
  try {
    const real = await realpath(join(root, relative));
    if (!real.startsWith(root + sep)) return undefined;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}
