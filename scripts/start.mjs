// `npm start`: builds the app and opens the desktop window. Electron downloads its runtime once, on
// first start; where that download is impossible, one clear line points at web mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary, electronInstaller } from './electronBinary.mjs';

function fail(message) {
  console.error(message);
  process.exit(1);
}

let binary = electronBinary();
if (!binary) {
  const installer = electronInstaller();
  if (installer) {
    // Only a terminal gets the progress note; a failed download ends in exactly one line below.
    if (process.stdout.isTTY) console.log('Downloading the Electron runtime (first start only)…');
    spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 10 * 60_000 });
    binary = electronBinary();
  }
}
if (!binary) {
  fail('CX Studio: the Electron runtime could not be downloaded on this machine (no access to its release host). Run the same app in your browser with: npm run web');
}

const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) fail('CX Studio: the build failed; see the messages above.');

const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
