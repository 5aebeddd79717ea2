import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb/plugins/core';

/** The app's storage: IndexedDB through Dexie. */
export function appStorage(): RxStorage<unknown, unknown> {
  return getRxStorageDexie() as RxStorage<unknown, unknown>;
}

/**
 * Asks the browser to keep the workspace even under storage pressure. Without it Chromium may evict
 * IndexedDB of an origin it considers unimportant, and a consultant's offline work would vanish.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
