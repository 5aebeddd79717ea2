// Finds Electron's binary without triggering the electron package's download-on-require, which
// throws a long stack trace when the release host is unreachable.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The path of Electron's executable when it has been downloaded, else null. */
export function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The electron package's own installer script, which downloads the binary. */
export function electronInstaller() {
  try {
    return join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
}
