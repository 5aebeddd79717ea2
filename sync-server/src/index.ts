/**
 * `npm run sync-server -- …`: reads arguments and runs a command (serve by default). Every
 * failure is one clear line on stderr and a non-zero exit; stack traces are for bugs only.
 */
import { runCli } from './cli/index';

try {
  process.exitCode = await runCli(process.argv.slice(2), process.env);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const hint = code === 'EADDRINUSE' ? ' (the port is taken: is another server running? use --port)' : '';
  process.stderr.write(`sync-server: ${message}${hint}\n`);
  process.exitCode = 1;
}
