import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,main,preload,renderer,sync-server,engine,scripts,cli}/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores: more workers only thrash. Each file gets its own process, so RxDB's
    // per-process collection limit is counted per file.
    maxWorkers: 2,
    testTimeout: 30_000,
    // As the end-to-end suite does on CI: one retry, so one test starved of CPU on a loaded
    // machine does not fail the run; scripts/test.mjs names every test that needed it.
    retry: process.env.CI ? 1 : 0,
    // PouchDB's HTTP adapter (the plain-PouchDB clients of the sync-server fault tests, on
    // node-fetch) leaves an uncaught rejection when the fault proxy cuts a socket mid-request; its
    // replication retries and the test checks convergence. Only that error from that client is
    // ignored: the app's own sync layer uses fetch (undici), whose errors still fail the run.
    onUnhandledError: (error) => !(error.name === 'FetchError' && /socket hang up|ECONNRESET/.test(error.message)),
    hookTimeout: 30_000,
  },
});
