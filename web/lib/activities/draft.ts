/**
 * The quick-log draft: what has been typed into a new activity, kept in
 * this browser's localStorage (per user) so that a reload, a closed tab or
 * a connection lost mid-trip loses nothing. Cleared after a successful save.
 */

export interface Draft<T> {
  /** when it was last written (ISO instant) */
  savedAt: string;
  values: T;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (private mode, policy)
  }
}

export function draftKey(userId: string): string {
  return `regiodesk.activity-draft.${userId}`;
}

export function loadDraft<T extends object>(key: string, defaults: T): Draft<T> | null {
  const text = storage()?.getItem(key);
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as Draft<Partial<T>>;
    if (!draft || typeof draft !== 'object' || typeof draft.values !== 'object') return null;
    // only the fields the form knows, of the type it expects
    const values = { ...defaults };
    for (const name of Object.keys(defaults) as (keyof T)[]) {
      const stored = draft.values[name];
      if (stored !== undefined && stored !== null && typeof stored === typeof defaults[name] && Array.isArray(stored) === Array.isArray(defaults[name])) values[name] = stored as T[keyof T];
    }
    return { savedAt: String(draft.savedAt ?? ''), values };
  } catch {
    return null;
  }
}

/** Writes the draft; false when the browser refuses (storage full or disabled). */
export function storeDraft<T>(key: string, values: T): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies Draft<T>));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}

/** The partnership last logged against, so the next quick log starts there. */
export function lastPartnershipKey(userId: string): string {
  return `regiodesk.activity-partnership.${userId}`;
}

export function remember(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    /* not worth telling anyone */
  }
}

export function recall(key: string): string | null {
  return storage()?.getItem(key) ?? null;
}
