import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the real CLI (`sync-server/src/index.ts`) in a child process, the way `npm run sync-server`
 * does, but through `node --import tsx` so the process we signal is the server itself (tsx's own
 * launcher would forward SIGTERM but cannot forward SIGKILL).
 */

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'index.ts');

/** A CLI run in a child process. */
export interface ChildRun {
  proc: ChildProcess;
  /** Lines of stdout and stderr so far. */
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `sync-server <args>` with the given extra environment and Node options (e.g. `--cpu-prof`). */
export function runChild(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): ChildRun {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const collect = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      into.push(...lines);
    };
  };
  proc.stdout?.on('data', collect(stdout));
  proc.stderr?.on('data', collect(stderr));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, stdout, stderr, exited };
}

/** A `serve` child that is listening. */
export interface ChildServer extends ChildRun {
  url: string;
  port: number;
}

/** Starts `serve` on 127.0.0.1 (port 0 unless given) and waits for its "listening" log line. */
export async function startChildServer(dataDir: string, port = 0, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ChildServer> {
  const run = runChild(['serve', '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], env, nodeArgs);
  const url = await new Promise<string>((resolve, reject) => {
    const check = (): void => {
      for (const line of run.stdout) {
        const parsed = safeJson(line);
        if (parsed?.msg === 'listening' && typeof parsed.url === 'string') return void resolve(parsed.url);
      }
    };
    run.proc.stdout?.on('data', () => setImmediate(check));
    void run.exited.then(({ code }) => reject(new Error(`server exited (${code}): ${run.stderr.join('\n')}`)));
  });
  return { ...run, url, port: Number(new URL(url).port) };
}

/** Parses one JSON log line, or undefined. */
export function safeJson(line: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
