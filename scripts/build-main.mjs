// Bundles Electron's main and preload with esbuild. Vite builds the renderer; main and preload are
// plain Node/CJS bundles, so a bundler with no framework layer is the simplest thing that works
// (electron-vite would add a dev-server integration we do not use: the app always loads app://).
import { bundleAll, esmInCjs } from './bundle.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  // Native and Electron modules stay outside the bundle and are resolved at run time.
  external: ['electron', 'leveldown', 'classic-level'],
};

// The sources are ES modules (the sync server runs under Node as ESM and resolves PouchDB's
// packages with createRequire(import.meta.url)); in the CJS bundle that URL is the bundle's own
// file, so resolution starts from out/main/ inside the app, next to its node_modules.
const problems = await bundleAll([
  { ...common, ...esmInCjs, entryPoints: ['main/src/index.ts'], outfile: 'out/main/index.cjs' },
  // A sandboxed preload may require only 'electron': everything else must be bundled in.
  { ...common, entryPoints: ['preload/src/index.ts'], outfile: 'out/preload/index.cjs', external: ['electron'] },
]);
if (problems.length > 0) {
  for (const line of problems) console.error(line);
  console.error(`build:main failed: ${problems.length} esbuild error(s) or warning(s); every warning fails the build.`);
  process.exit(1);
}
console.log('Built out/main/index.cjs and out/preload/index.cjs');
