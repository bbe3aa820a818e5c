import { apiClient, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const api = apiClient(fetch);
  const [tokens, feeds, reminders] = await Promise.all([
    loaded(read(await api.auth.tokens.$get()), url),
    loaded(read(await api.calendar.feeds.$get()), url),
    loaded(read(await api.reminders.settings.$get()), url)
  ]);
  return { tokens: tokens.items, feeds: feeds.items, reminders };
};
