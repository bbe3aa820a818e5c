import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ parent, url }) => {
  const { me } = await parent();
  if (!me) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  return { me };
};
