import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { productionPackages } from './testing/packaging';
import { workspaceFileExtension } from './src/openedFile';

// Packaging cannot run here (electron-builder downloads Electron), so what it would ship is checked
// against what the built bundles need. The run-time requires of a real start are checked by
// startup.test.ts; this reads the bundle's static requires and the builder's configuration.
const root = resolve(__dirname, '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  asarUnpack?: string[];
  fileAssociations: { ext: string }[];
};
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const packageOf = (name: string) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!);

describe('what the installer ships', () => {
  test('every module the main bundle requires by name is electron, a Node built-in or in the production dependency tree', () => {
    const bundle = join(root, 'out', 'main', 'index.cjs');
    if (!existsSync(bundle)) throw new Error('out/main/index.cjs is missing: run `npm run build` first.');
    const names = new Set([...readFileSync(bundle, 'utf8').matchAll(/\brequire\("([^"./][^"]*)"\)/g)].map((m) => m[1]!));
    expect(names.size).toBeGreaterThan(0);
    const shipped = productionPackages(root);
    const missing = [...names].filter((n) => n !== 'electron' && !builtins.has(n) && !shipped.has(packageOf(n)));
    expect(missing, 'required by out/main/index.cjs but not shipped').toEqual([]);
  });

  test('native modules in the production tree are unpacked from the asar (Node cannot load a .node file from inside it)', () => {
    const natives = [...productionPackages(root)].filter((name) => {
      const dir = join(root, 'node_modules', name);
      return existsSync(join(dir, 'binding.gyp')) || existsSync(join(dir, 'prebuilds'));
    });
    expect(natives).toContain('leveldown');
    for (const name of natives) expect(config.asarUnpack, `asarUnpack must list **/node_modules/${name}/**`).toContain(`**/node_modules/${name}/**`);
  });

  test('the bundles, the renderer and package.json are packed, and .cxstudio is the extension main opens', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    expect(config.fileAssociations.map((a) => `.${a.ext}`)).toEqual([workspaceFileExtension]);
  });
});
