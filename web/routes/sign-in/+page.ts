import { apiClient, read } from '$lib/api/client.js';
import type { PageLoad } from './$types';

/** How one signs in here: the password form (unless switched off) and the OpenID provider's button (when configured). */
export const load: PageLoad = async ({ fetch }) => ({
  methods: await read(await apiClient(fetch).auth['sign-in-methods'].$get())
});
