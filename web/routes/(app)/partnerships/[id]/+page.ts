import { apiClient, ApiProblem, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params, parent, url }) => {
  const api = apiClient(fetch);
  const { me } = await parent();
  const partnership = await loaded(read(await api.partnerships[':id'].$get({ param: { id: params.id } })), url);
  const managesMembers = me.isAdmin || partnership.memberRole === 'admin';

  /** the title of a linked agreement, or null when the caller cannot see it */
  const titleOf = async (id: string | null) => {
    if (!id) return null;
    try {
      return { id, title: (await read(await api.partnerships[':id'].$get({ param: { id } }))).title };
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 404) return { id, title: null };
      throw e;
    }
  };

  const [predecessor, successor, members, users] = await Promise.all([
    titleOf(partnership.predecessorId),
    titleOf(partnership.successorId),
    managesMembers ? loaded(read(await api.partnerships[':id'].members.$get({ param: { id: params.id } })), url).then((m) => m.items) : null,
    me.isAdmin ? loaded(read(await api.users.$get()), url).then((u) => u.items) : null
  ]);
  return { partnership, predecessor, successor, members, users };
};
