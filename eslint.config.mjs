// Layering rules in the spirit of VS Code's "Bad layering" check: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { cxPlugin } from './scripts/eslintNoJsxText.mjs';

// Module names are matched exactly (a regex per layer), so a local file like ./electron.ts is fine.
const nodeBuiltins = 'node:.*|fs|fs/.*|path|http|https|os|crypto|child_process|net|stream|url|util|zlib|worker_threads|events|buffer';
const layer = (message, alternatives) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex: `^(${alternatives.join('|')})$`, message }] }],
});
const noEval = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      ...noEval,
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    languageOptions: { globals: { ...globals.worker } },
    rules: layer('Bad layering: common/ is pure and imports no electron, react, rxdb or node modules.', [
      'electron', 'react', 'react-.*', 'react/.*', 'rxdb', 'rxdb/.*', nodeBuiltins,
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer('Bad layering: the renderer imports no node or electron modules; go through src/platform.', [
        'electron', 'electron/.*', nodeBuiltins, '(\\.\\./)+(main|preload|sync-server)/.*',
      ]),
    },
  },
  // Translated folders: every user-facing string here comes from renderer/src/i18n (see its
  // index.ts). Add a folder once its screens are converted, so new hard-coded text fails lint.
  {
    files: [
      'renderer/src/app/**/*.tsx',
      'renderer/src/ui/**/*.tsx',
      'renderer/src/workspaces/**/*.tsx',
      'renderer/src/i18n/**/*.tsx',
      'renderer/src/features/personas/**/*.tsx',
      'renderer/src/features/journeys/simulator/**/*.tsx',
      'renderer/src/features/data/**/*.tsx',
      // The journeys screens: list, templates, editor, map, flow, versions, runs and simulator.
      'renderer/src/features/journeys/**/*.tsx',
      'renderer/src/features/analytics/**/*.tsx',
      'renderer/src/features/segments/**/*.tsx',
      'renderer/src/features/journeys/runs/**/*.tsx',
      'renderer/src/features/experiments/**/*.tsx',
      'renderer/src/features/sync/**/*.tsx',
      'renderer/src/features/personasFromData/**/*.tsx',
      'renderer/src/sync/**/*.tsx',
      'renderer/src/features/journeyAnalytics/**/*.tsx',
      'renderer/src/features/exports/**/*.tsx',
    ],
    ignores: ['**/*.test.tsx'],
    plugins: { cx: cxPlugin },
    rules: { 'cx/no-jsx-text': 'error' },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer('Bad layering: main and preload import no react or renderer code.', [
      'react', 'react-.*', 'react/.*', '(\\.\\./)+renderer/.*',
    ]),
  },
  {
    files: ['sync-server/**/*.ts', 'scripts/**/*.mjs', 'scripts/**/*.js', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'cli/**/*.ts', '*.config.*', '**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: { ...globals.node } },
  },
);
