import { error } from '@sveltejs/kit';
import { apiClient, ApiProblem, read } from '$lib/api/client.js';
import { loaded } from '$lib/api/load.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url }) => {
  const { me } = await parent();
  if (!me.isAdmin) error(403, 'Only system administrators manage users.');
  const api = apiClient(fetch);
  const [users, partnerships] = await Promise.all([
    loaded(read(await api.users.$get()), url),
    loaded(read(await api.partnerships.$get({ query: { limit: '200', sort: 'title' } })), url)
  ]);
  // the users' organisations by name, for the table and the picker
  const ids = [...new Set(users.items.flatMap((u) => (u.organisationId ? [u.organisationId] : [])))];
  const names = await Promise.all(
    ids.map(async (id) => {
      try {
        return [id, (await read(await api.organisations[':id'].$get({ param: { id } }))).name] as const;
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 404) return [id, null] as const;
        throw e;
      }
    })
  );
  return {
    users: users.items,
    partnerships: partnerships.items.map((p) => ({ id: p.id, title: p.title })),
    organisationNames: Object.fromEntries(names.filter((n): n is readonly [string, string] => n[1] !== null))
  };
};
