import Module, { builtinModules, createRequire } from 'node:module';
import { dirname, sep } from 'node:path';

type Load = (request: string, parent: { filename?: string | null } | null | undefined, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Load };

/** Bare module names the bundle asked Node for at run time (not relative files, not Node built-ins). */
export interface LoadedBundle {
  required: Set<string>;
  /** Puts Node's module loader back as it was. */
  restore(): void;
}

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Loads a built CommonJS bundle the way Electron would (plain `require` of the file), with
 * `require('electron')` answered by `electron`. Every bare module name the bundle's own code
 * requires, then or later (PouchDB's adapters load on first use), is recorded, so a test can check
 * that each one ships with the packaged app.
 */
export function loadBundleWithElectron(bundlePath: string, electron: unknown): LoadedBundle {
  const required = new Set<string>();
  const bundleDir = dirname(bundlePath) + sep;
  const original = moduleInternals._load;
  moduleInternals._load = function load(request, parent, isMain) {
    if (request === 'electron') return electron;
    const fromBundle = parent?.filename === bundlePath || (parent?.filename ?? '').startsWith(bundleDir);
    if (fromBundle && !request.startsWith('.') && !request.startsWith('/') && !builtins.has(request)) required.add(request);
    return original.call(this, request, parent, isMain);
  };
  try {
    createRequire(bundlePath)(bundlePath);
  } catch (error) {
    moduleInternals._load = original;
    throw error;
  }
  return {
    required,
    restore: () => {
      moduleInternals._load = original;
    },
  };
}
