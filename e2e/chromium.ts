import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

/** The system Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}). Install it with: apt-get install -y chromium`);
  return found;
}

/**
 * Launch options for headless system Chromium. The background-networking flags matter here: with
 * no internet, Chromium's own update and sync calls otherwise fail noisily at every start.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
