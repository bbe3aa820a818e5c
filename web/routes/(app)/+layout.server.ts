import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent, url }) => {
  const { me } = await parent();
  if (!me) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  // the header's bell: `me` carries the count, read again with it on every navigation and after invalidateAll()
  return { me, unreadNotifications: me.unreadNotifications };
};
