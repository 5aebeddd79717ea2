/** The custom scheme the packaged app serves its renderer from (never file://). */
export const appScheme = 'app';
/** The host part of app:// URLs; one fixed host makes the origin stable for storage. */
export const appHost = 'cx-studio';
/** The origin of the packaged renderer. */
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * Whether the app window may navigate to `url`. Only the app's own origin, plus the development
 * server's exact origin when one is given. Anything unparsable, with credentials, or on another
 * scheme, host or port is refused.
 */
export function isTrustedUrl(url: string, devServerOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true;
  if (devServerOrigin === undefined) return false;
  let dev: URL;
  try {
    dev = new URL(devServerOrigin);
  } catch {
    return false;
  }
  const loopback = dev.hostname === 'localhost' || dev.hostname === '127.0.0.1';
  return loopback && dev.protocol === 'http:' && parsed.origin === dev.origin;
}

/**
 * Whether a link the user clicked may be handed to the operating system's browser: plain http(s)
 * only, so no file:, smb:, javascript: or custom-protocol handlers can be triggered from content.
 */
export function isExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
  } catch {
    return false;
  }
}
