import { redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api/client.js';
import { unreadCount } from '$lib/notifications/unread.js';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent, url, fetch }) => {
  const { me } = await parent();
  if (!me) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  // the header's bell: read again on every navigation and after invalidateAll()
  return { me, unreadNotifications: await unreadCount(apiClient(fetch)) };
};
