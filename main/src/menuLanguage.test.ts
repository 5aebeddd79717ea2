import type { Dialog, MenuItemConstructorOptions, SafeStorage } from 'electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { menuLabels } from '../../common/i18n/menuLabels';
import { locales, type Locale } from '../../common/i18n/locales';
import { isTrustedUrl } from '../../common/security/trustedUrl';
import { createHandlers } from './ipcMain';
import { createIpcRouter } from './ipcRouter';
import { menuTemplate } from './menu';
import { createMenuLanguage } from './menuLanguage';

// ipcMain's external-link handler imports Electron's shell, which plain Node cannot load; this
// test never opens a link.
vi.mock('electron', () => ({ shell: {} }));

const actions = () => ({ openSection: vi.fn(), openWorkspaceFile: vi.fn(), showAbout: vi.fn(), openHelp: vi.fn() });
const appFrame = { url: 'app://cx-studio/index.html', isMainFrame: true };

/** Every item of a template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}

describe('native menu in the app language', () => {
  test('every labelled item, role items included, reads in the chosen language on both platforms', () => {
    for (const locale of locales) {
      const words = new Set(Object.values(menuLabels(locale)));
      for (const isMac of [false, true]) {
        const all = items(menuTemplate(isMac, actions(), menuLabels(locale))).filter((m) => m.type !== 'separator' && m.role !== 'appMenu');
        for (const item of all) {
          expect(item.label, `${locale} ${item.role ?? ''}`).toBeTruthy();
          expect(words.has(item.label!), `${locale}: "${item.label}" is not from its catalogue`).toBe(true);
        }
      }
    }
    expect(menuTemplate(false, actions(), menuLabels('de')).map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    expect(menuTemplate(false, actions(), menuLabels('ja')).map((m) => m.label)).toEqual(['ファイル', '編集', '表示', 'ウインドウ', 'ヘルプ']);
  });

  test('starts in the system language, then follows the app, redrawing only on a real change', () => {
    const apply = vi.fn();
    const menu = createMenuLanguage(['fr-CA', 'en-US'], apply);
    expect(menu.current).toBe('fr');
    expect(apply).toHaveBeenLastCalledWith(expect.objectContaining({ 'menu.file': 'Fichier' }), 'fr');
    expect(menu.set('ar')).toBe('ar');
    expect(apply).toHaveBeenLastCalledWith(expect.objectContaining({ 'menu.edit': 'تحرير' }), 'ar');
    menu.set('ar');
    expect(apply).toHaveBeenCalledTimes(2);
    // The pseudo-locale and anything unknown draw the menu in English.
    for (const odd of ['en-XA', 'xx', '', null, 42, { locale: 'de' }]) expect(menu.set(odd)).toBe('en');
    expect(apply).toHaveBeenCalledTimes(3);
    expect(createMenuLanguage(['zh-TW', 'tlh'], vi.fn()).current).toBe('en');
  });

  test('the renderer sets it over app:setLocale, and hostile arguments leave the menu alone', async () => {
    const drawn: Locale[] = [];
    const menuLanguage = createMenuLanguage(['en'], (_labels, locale) => drawn.push(locale));
    const handlers = createHandlers({
      dialog: {} as Dialog, safeStorage: {} as SafeStorage, userData: mkdtempSync(join(tmpdir(), 'cx-menu-')), version: '1.0.0',
      workshop: {} as never, menuLanguage,
    });
    const dispatch = createIpcRouter(handlers, (u) => isTrustedUrl(u));
    expect(await dispatch('app:setLocale', appFrame, { locale: 'hi' })).toEqual({ ok: true, data: { menuLocale: 'hi' } });
    expect(await dispatch('app:setLocale', appFrame, { locale: 'en-XA' })).toEqual({ ok: true, data: { menuLocale: 'en' } });
    for (const arg of [undefined, 'de', { locale: 'de-DE' }, { locale: '../de' }, { locale: 'de', extra: 1 }, { locale: ['de'] }, { locale: '__proto__' }]) {
      expect(await dispatch('app:setLocale', appFrame, arg), JSON.stringify(arg)).toMatchObject({ ok: false, code: 'invalid-argument' });
    }
    expect(await dispatch('app:setLocale', { url: 'https://evil.example/', isMainFrame: true }, { locale: 'de' })).toMatchObject({ ok: false, code: 'forbidden-sender' });
    expect(drawn).toEqual(['en', 'hi', 'en']);
  });
});
