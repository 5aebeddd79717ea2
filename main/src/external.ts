import { shell } from 'electron';
import { isExternalLink } from '../../common/security/trustedUrl';

/**
 * The one reviewed place that hands a URL to the operating system: only plain http(s) links that
 * the user clicked (a target=_blank link or an explicit "open in browser" button) reach it.
 */
export async function openExternalLink(url: string): Promise<boolean> {
  if (!isExternalLink(url)) return false;
  await shell.openExternal(url);
  return true;
}
