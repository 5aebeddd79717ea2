/**
 * Which imports are still running somewhere. An import holds a lock named after its workspace and
 * dataset while its chunks are pending; a tab that closes or crashes drops its locks with it, so a
 * free lock means nobody will ever confirm those chunks and they can go. Web Locks are shared by
 * every tab of the origin (and by Electron's window); where there are none (unit tests under Node)
 * the locks of this one process stand in.
 */

/** Locks over running imports. */
export interface ImportLocks {
  /** Takes the lock (waiting while another holder has it); the returned function releases it. */
  hold(name: string): Promise<() => void>;
  /** Runs `work` holding the lock if nobody holds it; false (and `work` not run) when someone does. */
  ifFree(name: string, work: () => Promise<void>): Promise<boolean>;
}

/** The lock name of one import. */
export const importLockName = (workspace: string, datasetId: string) => `cx-import:${workspace}:${datasetId}`;

/** Locks of one process: a new instance stands for a freshly started app (nothing held). */
export function processLocks(): ImportLocks {
  const held = new Set<string>();
  return {
    async hold(name) {
      held.add(name);
      return () => held.delete(name);
    },
    async ifFree(name, work) {
      if (held.has(name)) return false;
      held.add(name);
      try {
        await work();
      } finally {
        held.delete(name);
      }
      return true;
    },
  };
}

/** Locks shared by every tab of the origin. */
export function webLocks(locks: LockManager): ImportLocks {
  return {
    hold: (name) => new Promise((granted) => {
      void locks.request(name, () => new Promise<void>((release) => granted(release)));
    }),
    async ifFree(name, work) {
      let ran = false;
      await locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return;
        ran = true;
        await work();
      });
      return ran;
    },
  };
}

/** The app's locks: Web Locks where the runtime has them. */
export const appLocks: ImportLocks = typeof navigator !== 'undefined' && navigator.locks ? webLocks(navigator.locks) : processLocks();
