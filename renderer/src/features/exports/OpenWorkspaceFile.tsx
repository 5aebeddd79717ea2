import { useEffect } from 'react';
import { usePlatform } from '../../platform';
import { translate, useT } from '../../i18n';
import { showToast } from '../../ui/toast';
import { offerWorkspaceFile } from './incomingFile';

/** The window event main dispatches when it opened a workspace file for the page to take. */
export const workspaceFileEvent = 'cxstudio:workspace-file';

/**
 * "Open workspace file…" where a client looks first, beside the workspace switcher: a backup or a
 * client bundle opens in the restore preview without any account. In Electron it also takes the
 * files main opened (File menu, a double-clicked `.cxstudio`), at start and whenever main announces one.
 */
export function OpenWorkspaceFile() {
  const platform = usePlatform();
  const t = useT();

  useEffect(() => {
    const take = platform.takeOpenedWorkspaceFile;
    if (!take) return;
    const pull = () => {
      void take().then((r) => {
        if (!r.ok) showToast(translate('exports.open.failed', { message: r.message }), { tone: 'error' });
        else if (r.data.file) offerWorkspaceFile(r.data.file);
      });
    };
    pull();
    window.addEventListener(workspaceFileEvent, pull);
    return () => window.removeEventListener(workspaceFileEvent, pull);
  }, [platform]);

  const choose = async () => {
    const picked = await platform.openFile(['.cxstudio']);
    if (picked) offerWorkspaceFile({ name: picked.name, bytes: await picked.bytes() });
  };

  return (
    <button type="button" className="open-workspace-file" onClick={() => void choose()}>
      {t('exports.open.button')}
    </button>
  );
}
