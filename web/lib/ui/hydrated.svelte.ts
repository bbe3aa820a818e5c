/**
 * Whether the page's scripts are running. Forms that submit through the API
 * keep their submit button disabled until then, so a tap before the page is
 * ready cannot fall back to a plain GET that reloads and loses what was typed.
 */
import { onMount } from 'svelte';

export function hydrated(): { readonly ready: boolean } {
  const state = $state({ ready: false });
  onMount(() => {
    state.ready = true;
  });
  return state;
}
