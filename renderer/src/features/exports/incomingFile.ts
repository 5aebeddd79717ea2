import { navigate } from '../../app/route';

/** A workspace file handed to the app from outside the Sync screen (menu, file association, start button). */
export interface IncomingFile { name: string; bytes: Uint8Array }

let incoming: IncomingFile | null = null;
const listeners = new Set<() => void>();

/**
 * Offers a workspace file to the restore preview: kept until the workspace-file panel takes it,
 * and the app goes to the screen that shows that panel. Memory only: a reload drops it.
 */
export function offerWorkspaceFile(file: IncomingFile): void {
  incoming = file;
  listeners.forEach((l) => l());
  navigate('sync');
}

/** Takes the offered file, once. */
export function takeWorkspaceFile(): IncomingFile | null {
  const file = incoming;
  incoming = null;
  return file;
}

/** Calls back when a file is offered; returns the unsubscribe. */
export function onWorkspaceFileOffered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
