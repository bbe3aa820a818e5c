/**
 * Form plumbing shared by every page: run a save, turn a problem+json answer
 * into messages beside the fields (by `path`) and one general message.
 */
import { ApiProblem } from '$lib/api/client.js';
import { m } from '$i18n/paraglide/messages.js';

export interface FormState {
  errors: Record<string, string>;
  message: string | null;
  busy: boolean;
  /** after a 412: the record as it is now, for the page to show */
  current: unknown;
}

export function emptyForm(): FormState {
  return { errors: {}, message: null, busy: false, current: null };
}

/** aria attributes for an input bound to `path` */
export function invalid(state: FormState, path: string, id: string) {
  return state.errors[path] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};
}

export async function submit<T>(state: FormState, action: () => Promise<T>): Promise<T | null> {
  state.busy = true;
  state.errors = {};
  state.message = null;
  try {
    return await action();
  } catch (e) {
    if (!(e instanceof ApiProblem)) {
      state.message = m.common_error();
      return null;
    }
    state.errors = e.byPath();
    const unplaced = e.errors.filter((err) => err.path === '' || err.path.startsWith('query'));
    if (e.status === 412) {
      state.message = m.common_staleEdit();
      state.current = e.body.current ?? null;
    }
    else if (e.status === 403) state.message = e.detail || m.common_forbidden();
    else if (e.errors.length) state.message = [m.common_fixErrors(), ...unplaced.map((err) => err.message)].join(' ');
    else state.message = e.detail || e.title;
    return null;
  } finally {
    state.busy = false;
  }
}

/** "DE12, de71" → ["DE12", "de71"] */
export function splitList(text: string): string[] {
  return text.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
}
