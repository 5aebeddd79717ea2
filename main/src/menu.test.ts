import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, test, vi } from 'vitest';
import { menuTemplate } from './menu';
import { decideNavigation } from './security';

const actions = () => ({ openSection: vi.fn(), openWorkspaceFile: vi.fn(), showAbout: vi.fn(), openHelp: vi.fn() });
const labels = (t: MenuItemConstructorOptions[]) => t.map((m) => m.label ?? m.role);
const submenu = (t: MenuItemConstructorOptions[], label: string) => t.find((m) => m.label === label)?.submenu as MenuItemConstructorOptions[];

describe('native menu', () => {
  test('has File, Edit, View, Window and Help, with the app menu first on macOS', () => {
    expect(labels(menuTemplate(false, actions()))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(menuTemplate(true, actions()))).toEqual(['appMenu', 'File', 'Edit', 'View', 'Window', 'Help']);
  });

  test('Edit uses the standard roles so undo, copy and paste keep their usual shortcuts', () => {
    const roles = submenu(menuTemplate(false, actions()), 'Edit').map((m) => m.role).filter(Boolean);
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  test('File opens each section with Ctrl/Cmd+number', () => {
    const a = actions();
    const file = submenu(menuTemplate(false, a), 'File').filter((m) => m.accelerator?.match(/\d$/));
    expect(file.map((m) => m.accelerator)).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3', 'CmdOrCtrl+4', 'CmdOrCtrl+5']);
    for (const item of file) (item.click as () => void)();
    expect(a.openSection.mock.calls.map((c) => c[0])).toEqual(['personas', 'journeys', 'data', 'analytics', 'sync']);
  });

  test('File opens a workspace file (a backup or a client bundle) first, with Ctrl/Cmd+O', () => {
    const a = actions();
    const open = submenu(menuTemplate(true, a), 'File')[0];
    expect(open).toMatchObject({ label: 'Open Workspace File…', accelerator: 'CmdOrCtrl+O' });
    (open?.click as () => void)();
    expect(a.openWorkspaceFile).toHaveBeenCalledOnce();
  });
});

describe('navigation guard', () => {
  test('keeps the window on the app and hands only http(s) links to the browser', () => {
    expect(decideNavigation('app://cx-studio/index.html#/journeys')).toEqual({ allow: true });
    expect(decideNavigation('https://example.com/report')).toEqual({ allow: false, openExternally: true });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://x/y', 'app://evil/'])
      expect(decideNavigation(url), url).toEqual({ allow: false, openExternally: false });
  });
});
