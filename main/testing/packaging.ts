import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockPackage { dev?: boolean; devOptional?: boolean; optional?: boolean }

/**
 * The packages electron-builder puts into the app: the production dependency tree as npm resolved
 * it (package-lock.json entries not marked dev-only), by package name.
 */
export function productionPackages(root: string): Set<string> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const names = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.dev || entry.devOptional) continue;
    names.add(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  }
  return names;
}
