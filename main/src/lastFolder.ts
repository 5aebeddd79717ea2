import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder the last save went to, kept in userData; Documents until the first save. `set` never
 * throws: it runs after the user's file was written, and a full or read-only userData must not turn
 * a saved export into a reported failure. The error is logged and the next save starts in the old folder.
 */
export function lastFolderStore(userData: string, log: (message: string, error: unknown) => void = console.error): { get(): string; set(folder: string): void } {
  const file = join(userData, 'last-folder.json');
  return {
    get: () => {
      try {
        const folder: unknown = JSON.parse(readFileSync(file, 'utf8'));
        return typeof folder === 'string' ? folder : join(homedir(), 'Documents');
      } catch {
        return join(homedir(), 'Documents');
      }
    },
    set: (folder) => {
      try {
        writeFileSync(file, JSON.stringify(folder));
      } catch (error) {
        log('Could not remember the last save folder', error);
      }
    },
  };
}
