import type { Log } from '../http/context';

/** A logger writing one JSON object per line to stderr-free stdout (what log shippers expect). */
export function jsonLog(write: (line: string) => void = (line) => process.stdout.write(line)): Log {
  const at = (level: string) => (msg: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that keeps lines in memory (tests read them). */
export function memoryLog(): Log & { lines: { level: string; msg: string; [key: string]: unknown }[] } {
  const lines: { level: string; msg: string; [key: string]: unknown }[] = [];
  const at = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => {
    lines.push({ level, msg, ...fields });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
