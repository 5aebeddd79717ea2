import { isTrustedUrl } from '../../common/security/trustedUrl';

/**
 * The only permissions the app's own pages get. Chromium's Local Network Access (enforced since
 * Electron 43) asks for a permission before a page that is not itself on the local network talks to
 * a loopback or private address — and `app://cx-studio` is not. Without these, syncing with a team
 * server on the LAN, a workshop host, or the workshop's loopback proxy fails as a bare "network
 * error". Persistent storage keeps Chromium from evicting the workspace under disk pressure.
 * Everything else (camera, notifications, geolocation…) is refused: the app needs none of it.
 */
const granted: ReadonlySet<string> = new Set(['local-network-access', 'local-network', 'loopback-network', 'persistent-storage']);

/** True when `permission` may be given to a page of `origin` (a URL or an origin). */
export function allowPermission(permission: string, origin: string | undefined): boolean {
  return granted.has(permission) && origin !== undefined && isTrustedUrl(origin);
}
