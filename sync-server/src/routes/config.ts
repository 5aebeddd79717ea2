import { appOrigins } from '../../../common/sync/limits';
import { CouchError, badRequest } from '../http/errors';
import type { Deps, Route } from '../http/context';
import { requireServerAdmin } from './access';

/**
 * A small runtime config in CouchDB's shape (`/_node/_local/_config/{section}/{key}`), for
 * server admins only. It exists so `provision-couchdb` can be tested against this server too;
 * the only keys that change behaviour are `cors/origins` (comma list) and `httpd/enable_cors`.
 * Values live in memory for the server's lifetime; `--cors-origin` is the persistent way.
 */

const key = (section: string, name: string): string => `${section}/${name}`;

/** GET /_node/_local/_config[/section[/key]]. */
export const getConfig: Route = async (ctx) => {
  requireServerAdmin(ctx);
  const { section, key: name } = ctx.params;
  const entries = [...ctx.deps.config].filter(([k]) => !section || k.startsWith(`${section}/`));
  if (section && name) {
    const value = ctx.deps.config.get(key(section, name));
    if (value === undefined) throw new CouchError(404, 'not_found', 'unknown_config_value');
    return { status: 200, body: value };
  }
  const out: Record<string, Record<string, string>> = {};
  for (const [k, v] of entries) {
    const [s = '', n = ''] = k.split('/');
    (out[s] ??= {})[n] = v;
  }
  return { status: 200, body: section ? (out[section] ?? {}) : out };
};

/** PUT /_node/_local/_config/section/key with a JSON string body; answers the old value. */
export const putConfig: Route = async (ctx) => {
  requireServerAdmin(ctx);
  const { section = '', key: name = '' } = ctx.params;
  if (!/^[a-z_]{1,64}$/.test(section) || !/^[a-z_]{1,64}$/.test(name)) throw badRequest('Config section and key are lower-case words.');
  const value = await ctx.json();
  if (typeof value !== 'string') throw badRequest('Config values are JSON strings.');
  const old = ctx.deps.config.get(key(section, name)) ?? '';
  ctx.deps.config.set(key(section, name), value);
  ctx.deps.log.info('config changed', { section, key: name });
  return { status: 200, body: old };
};

/** DELETE /_node/_local/_config/section/key. */
export const deleteConfig: Route = async (ctx) => {
  requireServerAdmin(ctx);
  const k = key(ctx.params.section ?? '', ctx.params.key ?? '');
  const old = ctx.deps.config.get(k);
  if (old === undefined) throw new CouchError(404, 'not_found', 'unknown_config_value');
  ctx.deps.config.delete(k);
  return { status: 200, body: old };
};

/** The origin to echo in CORS headers, or undefined when the origin is not allowed. */
export function allowedOrigin(deps: Deps, extra: readonly string[], origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  const configured = (deps.config.get('cors/origins') ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const all = [...appOrigins, ...extra, ...configured];
  return all.includes(origin) ? origin : undefined;
}
