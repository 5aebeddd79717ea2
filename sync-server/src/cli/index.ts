import { parseArgs } from 'node:util';
import { provisionCouchDb, migrate } from './couch';
import { couchUser } from './couchUsers';
import { jsonLog } from './log';
import { backup, restore } from './backup';
import { adminAdd, compactTenant, tenantAdd, userAdd, userRemove } from './manage';
import { serve } from './serve';

/** Usage text: the commands of issue 5, item 1 and 8. */
export const usage = `Usage: npm run sync-server -- [command] [options]
  serve [--host 127.0.0.1] [--port 5984] [--data ./data/sync] [--cors-origin URL]... [--app out/renderer]   (default command)
  admin add NAME [--data DIR]
  tenant add TENANT [--data DIR]
  user add TENANT NAME [--role viewer|editor|admin] [--data DIR]
  user remove TENANT NAME [--data DIR]
  provision-couchdb --url URL --tenant T [--user ADMIN]
  couchdb-user add NAME --url URL --tenant T --role viewer|editor|admin [--user ADMIN]
  couchdb-user role NAME --url URL --tenant T --role viewer|editor|admin [--user ADMIN]
  couchdb-user passwd|remove NAME --url URL --tenant T [--user ADMIN]
  couchdb-user list --url URL --tenant T [--user ADMIN]
  migrate --data DIR --tenant T --to URL [--user ADMIN]
  compact --data DIR --tenant T   (server stopped: drops old revision bodies)
  backup --url URL --tenant T --out DIR [--user ADMIN]    (server running: every revision, checked)
  restore --url URL --tenant T --from DIR [--user ADMIN]  (server running: replaces the tenant's data)
Passwords come from CX_PASSWORD or a prompt, never from a flag; for couchdb-user, CX_PASSWORD is
the CouchDB server admin's and CX_NEW_PASSWORD (or a second prompt) the member's. --app (or CX_APP_DIR) serves the
built app at /_app/, where browsers sign in with a same-origin session cookie.`;

/** Runs one CLI invocation; resolves with the exit code (serve resolves when it has stopped). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '5984' },
      data: { type: 'string', default: './data/sync' },
      role: { type: 'string' },
      url: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      tenant: { type: 'string' },
      user: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      app: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const say = (line: string): void => void process.stdout.write(line + '\n');
  const [command = 'serve', sub, a, b] = positionals;
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new Error(`Missing ${what}; run with --help for usage.`);
    return value;
  };
  if (values.help) return say(usage), 0;
  const data = values.data;
  switch (`${command} ${command === 'serve' || command.includes('-') ? '' : (sub ?? '')}`.trim()) {
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port "${values.port}".`);
      const log = jsonLog();
      const appDir = values.app ?? (env.CX_APP_DIR || undefined);
      const running = await serve({ host: values.host, port, dataDir: data, env, log, corsOrigins: values['cors-origin'] ?? [], ...(appDir ? { appDir } : {}) });
      await new Promise<void>((resolve) => {
        const stop = (signal: string): void => {
          log.info('shutting down', { signal });
          void running.close().then(() => {
            log.info('stopped');
            resolve();
          });
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      return 0;
    }
    case 'admin add':
      return say(await adminAdd(data, need(a, 'NAME'), env)), 0;
    case 'tenant add':
      return say(await tenantAdd(data, need(a, 'TENANT'))), 0;
    case 'user add':
      return say(await userAdd(data, need(a, 'TENANT'), need(b, 'NAME'), values.role ?? 'editor', env)), 0;
    case 'user remove':
      return say(await userRemove(data, need(a, 'TENANT'), need(b, 'NAME'))), 0;
    case 'provision-couchdb':
      return say(await provisionCouchDb({ url: need(values.url, '--url'), tenant: need(values.tenant, '--tenant'), user: values.user, env })), 0;
    case 'couchdb-user':
      if (positionals.length > 3) throw new Error(`Unexpected "${positionals.slice(3).join(' ')}"; run with --help for usage.`);
      return say(await couchUser({ action: need(sub, 'add|remove|passwd|role|list'), name: a, role: values.role, url: need(values.url, '--url'), tenant: need(values.tenant, '--tenant'), user: values.user, env })), 0;
    case 'compact':
      return say(await compactTenant(data, need(values.tenant, '--tenant'))), 0;
    case 'backup':
      return say(await backup({ url: need(values.url, '--url'), tenant: need(values.tenant, '--tenant'), dir: need(values.out, '--out'), user: values.user, env })), 0;
    case 'restore':
      return say(await restore({ url: need(values.url, '--url'), tenant: need(values.tenant, '--tenant'), dir: need(values.from, '--from'), user: values.user, env })), 0;
    case 'migrate':
      return say(await migrate({ dataDir: data, tenant: need(values.tenant, '--tenant'), to: need(values.to, '--to'), user: values.user, env })), 0;
    default:
      throw new Error(`Unknown command "${positionals.join(' ')}"; run with --help for usage.`);
  }
}
