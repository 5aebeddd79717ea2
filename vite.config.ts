import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { securityHeaders } from './common/security/csp.ts';

// Web mode serves the same CSP as Electron's app:// handler, as a header, so a feature that needs
// eval fails here first. `npm run web` builds and previews: the dev server's inline refresh
// preamble would need 'unsafe-inline' scripts, which the shipped policy refuses.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, headers: { ...securityHeaders } },
});
