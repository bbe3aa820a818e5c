import { canRecordCalls } from '$lib/calls/access.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { me } = await parent();
  return { canRecord: canRecordCalls(me) };
};
