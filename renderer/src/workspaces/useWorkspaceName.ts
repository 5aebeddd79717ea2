import { useT } from '../i18n';
import { defaultWorkspaceName, type WorkspaceEntry } from './registry';

/**
 * A workspace's name for the screen: the first workspace's built-in name is written in the app's
 * language (it is stored in English in the registry, which every language shares); a name the user
 * typed is shown as typed.
 */
export function useWorkspaceName(): (w: WorkspaceEntry) => string {
  const t = useT();
  return (w) => (w.id === 'local' && w.name === defaultWorkspaceName ? t('settings.workspaces.defaultName') : w.name);
}
