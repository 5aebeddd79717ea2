import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { bundleAll, esmInCjs } from './bundle.mjs';

const bundleAllTyped = bundleAll as (bundles: object[]) => Promise<string[]>;

// The source shape that once shipped a main bundle that threw at load: an ES module that resolves
// packages with createRequire(import.meta.url), bundled to CommonJS for Electron.
async function fixture() {
  const dir = await mkdtemp(join(tmpdir(), 'cx-bundle-'));
  const entry = join(dir, 'entry.ts');
  await writeFile(entry, "import { createRequire } from 'node:module';\nexport const found = createRequire(import.meta.url).resolve('node:path');\n");
  return { dir, entry, options: { bundle: true, platform: 'node', format: 'cjs', entryPoints: [entry], outfile: join(dir, 'out.cjs') } };
}

describe('bundling main', () => {
  test('an esbuild warning (import.meta emptied in a CJS bundle) fails the build with its location', async () => {
    const { entry, options } = await fixture();
    const problems = await bundleAllTyped([options]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('warning');
    expect(problems[0]).toContain(entry);
    expect(problems[0]).toMatch(/import\.meta/);
  });

  test('with the ESM-in-CJS shim the same source builds clean and runs under require', async () => {
    const { dir, options } = await fixture();
    expect(await bundleAllTyped([{ ...options, ...esmInCjs }])).toEqual([]);
    const loaded = createRequire(join(dir, 'x.js'))(join(dir, 'out.cjs')) as { found: string };
    expect(loaded.found).toBe('node:path');
  });
});
