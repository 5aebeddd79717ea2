import type { BrowserWindow, Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitToDisplays, parseWindowState } from './windowState';
import type { WindowState } from './windowState';

const fileName = 'window-state.json';

/** The remembered window state, made visible on today's displays. */
export function loadWindowState(userData: string, displays: Rectangle[]): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(userData, fileName), 'utf8'));
  } catch {
    raw = null;
  }
  return fitToDisplays(parseWindowState(raw), displays);
}

/** Remembers the window's size and position when it moves, resizes or closes. */
export function trackWindowState(win: BrowserWindow, userData: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(join(userData, fileName), JSON.stringify(state));
    } catch {
      // Remembering the window is a convenience; a read-only profile must not break the app.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
