import { createContext, useContext } from 'react';
import type { DesktopApi } from '../../../common/ipc/contract';
import { createElectronPlatform } from './electron';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

export type { OpenedFile, Platform } from './platform';

declare global {
  interface Window {
    /** Present only in Electron: the API preload exposes (see common/ipc/contract.ts). */
    cxStudio?: DesktopApi;
  }
}

/** Picks the implementation for the shell the renderer runs in. */
export function detectPlatform(): Platform {
  return window.cxStudio ? createElectronPlatform(window.cxStudio) : createWebPlatform();
}

/** The platform, provided once at the root. */
export const PlatformContext = createContext<Platform | null>(null);

/** The platform the app runs on. */
export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform() used outside the platform provider');
  return platform;
}
