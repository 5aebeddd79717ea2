import type { MenuItemConstructorOptions } from 'electron';

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
 */
export function menuTemplate(isMac: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const go = (label: string, section: Parameters<MenuActions['openSection']>[0], key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => actions.openSection(section),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Workspace File…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspaceFile() },
        { type: 'separator' },
        go('Personas', 'personas', '1'),
        go('Journeys', 'journeys', '2'),
        go('Data', 'data', '3'),
        go('Analytics', 'analytics', '4'),
        go('Sync', 'sync', '5'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Window', submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    {
      role: 'help',
      label: 'Help',
      submenu: [
        { label: 'CX Studio Help', click: () => actions.openHelp() },
        ...(isMac ? [] : [{ label: 'About CX Studio', click: () => actions.showAbout() } as MenuItemConstructorOptions]),
      ],
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
