/** The current translator, shared with every component through Svelte's context. */
import { getContext, setContext } from 'svelte';
import type { Translator } from './index.js';

const KEY = Symbol('i18n');

export function provideI18n(get: () => Translator): void {
  setContext(KEY, get);
}

/** Call during component set-up; read `.current` in markup so a language switch updates it. */
export function useI18n(): { readonly current: Translator } {
  const get = getContext<() => Translator>(KEY);
  return {
    get current() {
      return get();
    }
  };
}
