import { isExternalLink, isTrustedUrl } from '../../common/security/trustedUrl';

/** What to do with a navigation or window.open request from content. */
export type NavigationDecision = { allow: true } | { allow: false; openExternally: boolean };

/**
 * Navigation inside the window stays on the app's own origin; anything else is refused, and an
 * http(s) link (a link the user clicked in a section, say) is handed to the system browser.
 */
export function decideNavigation(url: string, devServerOrigin?: string): NavigationDecision {
  if (isTrustedUrl(url, devServerOrigin)) return { allow: true };
  return { allow: false, openExternally: isExternalLink(url) };
}
