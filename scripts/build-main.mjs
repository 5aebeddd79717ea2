// Bundles Electron's main and preload with esbuild. Vite builds the renderer; main and preload are
// plain Node/CJS bundles, so a bundler with no framework layer is the simplest thing that works
// (electron-vite would add a dev-server integration we do not use: the app always loads app://).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  // Native and Electron modules stay outside the bundle and are resolved at run time.
  external: ['electron', 'leveldown', 'classic-level'],
};

await build({ ...common, entryPoints: ['main/src/index.ts'], outfile: 'out/main/index.cjs' });
// A sandboxed preload may require only 'electron': everything else must be bundled in.
await build({ ...common, entryPoints: ['preload/src/index.ts'], outfile: 'out/preload/index.cjs', external: ['electron'] });
console.log('Built out/main/index.cjs and out/preload/index.cjs');
