import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

// The layering rules are only worth something if a wrong import really fails lint.
const eslint = new ESLint();
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering rules', () => {
  test('common/ may import none of electron, react, rxdb or node', async () => {
    for (const mod of ['electron', 'react', 'react-dom/client', 'rxdb/plugins/core', 'node:fs', 'fs', 'path']) {
      const messages = await lint('common/analytics/x.ts', `import x from '${mod}';\nexport { x };\n`);
      expect(messages.join('\n'), mod).toContain('Bad layering');
    }
    expect(await lint('common/analytics/x.ts', "import * as v from 'valibot';\nexport { v };\n")).toEqual([]);
  });

  test('the renderer may import neither node nor electron nor main code', async () => {
    for (const mod of ['electron', 'node:path', 'child_process', '../../main/src/ipcRouter']) {
      const messages = await lint('renderer/src/app/x.ts', `import x from '${mod}';\nexport { x };\n`);
      expect(messages.join('\n'), mod).toContain('Bad layering');
    }
    expect(await lint('renderer/src/app/x.ts', "import { createElectronPlatform } from '../platform/electron';\nexport { createElectronPlatform };\n")).toEqual([]);
  });

  test('main may not import react or renderer code', async () => {
    for (const mod of ['react', 'react-dom/server', '../../renderer/src/app/App']) {
      const messages = await lint('main/src/x.ts', `import x from '${mod}';\nexport { x };\n`);
      expect(messages.join('\n'), mod).toContain('Bad layering');
    }
  });

  test('source files past 400 lines fail, tests excepted', async () => {
    const long = Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect((await lint('common/x.ts', long)).join('\n')).toContain('max-lines');
    expect(await lint('common/x.test.ts', long)).toEqual([]);
  });

  test('eval and new Function are refused in app code', async () => {
    expect((await lint('renderer/src/x.ts', "export const f = new Function('return 1');\n")).join('\n')).toContain('no-new-func');
    expect((await lint('common/x.ts', "export const y = eval('1');\n")).join('\n')).toContain('no-eval');
  });
});
