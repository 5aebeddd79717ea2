import type { MenuItemConstructorOptions } from 'electron';
import { menuLabels, type MenuLabels } from '../../common/i18n/menuLabels';

/** What the menu can ask the app to do. */
export interface MenuActions {
  openSection(section: 'personas' | 'journeys' | 'data' | 'analytics' | 'sync'): void;
  /** Shows the native open dialog for a `.cxstudio` file (a backup or a client bundle) and previews its restore. */
  openWorkspaceFile(): void;
  showAbout(): void;
  openHelp(): void;
}

/**
 * The native menu: File, Edit, View, Window, Help with the platform's usual accelerators (roles
 * give Cmd on macOS and Ctrl elsewhere). macOS adds the app menu first, as users expect there.
 * Every label comes from `labels`, role items included: Electron's own role labels are English
 * whatever the language, so a menu in the app's language names each one.
 */
export function menuTemplate(isMac: boolean, actions: MenuActions, labels: MenuLabels = menuLabels('en')): MenuItemConstructorOptions[] {
  const l = labels;
  const go = (label: string, section: Parameters<MenuActions['openSection']>[0], key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => actions.openSection(section),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: l['menu.file'],
      submenu: [
        { label: l['menu.openWorkspaceFile'], accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspaceFile() },
        { type: 'separator' },
        go(l['menu.personas'], 'personas', '1'),
        go(l['menu.journeys'], 'journeys', '2'),
        go(l['menu.data'], 'data', '3'),
        go(l['menu.analytics'], 'analytics', '4'),
        go(l['menu.sync'], 'sync', '5'),
        { type: 'separator' },
        isMac ? { role: 'close', label: l['menu.close'] } : { role: 'quit', label: l['menu.quit'] },
      ],
    },
    {
      label: l['menu.edit'],
      submenu: [
        { role: 'undo', label: l['menu.undo'] },
        { role: 'redo', label: l['menu.redo'] },
        { type: 'separator' },
        { role: 'cut', label: l['menu.cut'] },
        { role: 'copy', label: l['menu.copy'] },
        { role: 'paste', label: l['menu.paste'] },
        { role: 'selectAll', label: l['menu.selectAll'] },
      ],
    },
    {
      label: l['menu.view'],
      submenu: [
        { role: 'reload', label: l['menu.reload'] },
        { type: 'separator' },
        { role: 'resetZoom', label: l['menu.resetZoom'] },
        { role: 'zoomIn', label: l['menu.zoomIn'] },
        { role: 'zoomOut', label: l['menu.zoomOut'] },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l['menu.fullScreen'] },
      ],
    },
    {
      label: l['menu.window'],
      submenu: isMac
        ? [{ role: 'minimize', label: l['menu.minimize'] }, { role: 'zoom', label: l['menu.zoom'] }, { type: 'separator' }, { role: 'front', label: l['menu.front'] }]
        : [{ role: 'minimize', label: l['menu.minimize'] }, { role: 'close', label: l['menu.close'] }],
    },
    {
      role: 'help',
      label: l['menu.help'],
      submenu: [
        { label: l['menu.appHelp'], click: () => actions.openHelp() },
        ...(isMac ? [] : [{ label: l['menu.about'], click: () => actions.showAbout() } as MenuItemConstructorOptions]),
      ],
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
