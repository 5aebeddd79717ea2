// esbuild with every warning treated as an error, shared by the main/preload build and its test.
import { build } from 'esbuild';

/** Options that make `import.meta.url` in ES-module sources mean the bundle's own file in a CJS bundle. */
export const esmInCjs = {
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: [new URL('./shims/importMetaUrl.js', import.meta.url).pathname],
};

/**
 * Builds each bundle and returns every esbuild error and warning as a line of text. Warnings are
 * failures here: an "empty import.meta" warning once shipped a main bundle that threw at load while
 * the build printed it and carried on.
 */
export async function bundleAll(bundles) {
  const problems = [];
  for (const options of bundles) {
    const result = await build({ ...options, logLevel: 'silent' }).catch((error) => ({ errors: error.errors ?? [error], warnings: error.warnings ?? [] }));
    for (const kind of ['errors', 'warnings']) {
      for (const message of result[kind]) {
        const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column}: ` : '';
        problems.push(`${options.outfile}: ${kind === 'errors' ? 'error' : 'warning'}: ${where}${message.text ?? message.message}`);
      }
    }
  }
  return problems;
}
