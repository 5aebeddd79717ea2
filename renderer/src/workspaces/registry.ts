import { useSyncExternalStore } from 'react';

/** Where a workspace syncs to; the credential itself lives in the platform's secret store. */
export interface SyncSettings {
  serverUrl: string;
  tenant: string;
  user: string;
  /** Role the server reported at sign-in (viewer, editor, admin). */
  role?: string;
}

/** One workspace on this laptop: its own local database and, optionally, its team server. */
export interface WorkspaceEntry {
  id: string;
  name: string;
  /** The RxDB database name; never shared between two workspaces. */
  dbName: string;
  sync?: SyncSettings;
}

interface Registry { workspaces: WorkspaceEntry[]; active: string }

const key = 'cx.workspaces.v1';
/** The name the first workspace was created with; shown in the app's language until renamed. */
export const defaultWorkspaceName = 'My workspace';
const fallback: Registry = { workspaces: [{ id: 'local', name: defaultWorkspaceName, dbName: 'cxstudio' }], active: 'local' };
let current: Registry = load();
const listeners = new Set<() => void>();

// The registry says which database to open before any database is open, so it lives in
// localStorage (a few hundred bytes), not in RxDB.
function load(): Registry {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (raw && typeof raw === 'object' && Array.isArray((raw as Registry).workspaces) && (raw as Registry).workspaces.length > 0) {
      const reg = raw as Registry;
      const workspaces = reg.workspaces.filter((w) => typeof w?.id === 'string' && typeof w.name === 'string' && /^[a-z0-9_]+$/.test(w.dbName));
      if (workspaces.length > 0) return { workspaces, active: workspaces.some((w) => w.id === reg.active) ? reg.active : workspaces[0]!.id };
    }
  } catch {
    // A corrupted registry falls back to the default workspace; its database is untouched.
  }
  return fallback;
}

function save(next: Registry): void {
  current = next;
  localStorage.setItem(key, JSON.stringify(next));
  for (const l of listeners) l();
}

/** The workspaces and which one is open. */
export function useWorkspaces(): Registry {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** The open workspace's entry. */
export function activeWorkspace(): WorkspaceEntry {
  return current.workspaces.find((w) => w.id === current.active) ?? current.workspaces[0]!;
}

/** Adds a workspace with a fresh local database and returns it. */
export function addWorkspace(name: string, sync?: SyncSettings): WorkspaceEntry {
  const id = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const entry: WorkspaceEntry = { id, name: name.trim().slice(0, 80) || 'Workspace', dbName: `cxstudio_${id}`, ...(sync ? { sync } : {}) };
  save({ ...current, workspaces: [...current.workspaces, entry] });
  return entry;
}

/** Switches the open workspace (the root closes the old database before opening the new one). */
export function switchWorkspace(id: string): void {
  if (current.workspaces.some((w) => w.id === id)) save({ ...current, active: id });
}

/** Changes a workspace's entry. */
export function updateWorkspace(id: string, change: Partial<Omit<WorkspaceEntry, 'id' | 'dbName'>>): void {
  save({ ...current, workspaces: current.workspaces.map((w) => (w.id === id ? { ...w, ...change } : w)) });
}

/** Forgets a workspace's sync settings (its local data stays unless wiped separately). */
export function clearSync(id: string): void {
  const workspaces = current.workspaces.map((w) => {
    if (w.id !== id) return w;
    const { sync: _dropped, ...rest } = w;
    return rest;
  });
  save({ ...current, workspaces });
}

/** The secret-store key of a workspace's sync credential. */
export function credentialKey(id: string): string {
  return `sync.${id}`;
}
