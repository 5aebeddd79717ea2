import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,main,preload,renderer,sync-server,scripts,cli}/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores: more workers only thrash. Each file gets its own process, so RxDB's
    // per-process collection limit is counted per file.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
