/**
 * The writer id stamped into every document this laptop pushes (couchPush.ts): stable across
 * sessions for one workspace on one laptop, so a write whose answer was lost before the app closed
 * is still recognised as ours after a restart. Kept in localStorage next to the workspace list;
 * where storage is unavailable a per-session id is used (recognition then lasts the session).
 */
export function writerIdFor(workspaceId: string): string {
  const key = `cx-writer-${workspaceId}`;
  const fresh = `${workspaceId.slice(0, 24)}-${Math.random().toString(36).slice(2, 12)}`;
  try {
    const stored = localStorage.getItem(key);
    if (stored && /^[\w-]{1,64}$/.test(stored)) return stored;
    localStorage.setItem(key, fresh);
  } catch {
    // Storage refused (private mode, quota): the session id still covers retries within the session.
  }
  return fresh;
}
