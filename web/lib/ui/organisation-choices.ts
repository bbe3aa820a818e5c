/** Organisations to pick from (GET /api/organisations?q=…), for ui/OrganisationPicker. */
import { apiClient, read } from '$lib/api/client.js';
import type { PickerSource } from './picker.js';

export const organisationChoices: PickerSource = {
  async search(text) {
    const page = await read(await apiClient().organisations.$get({ query: { limit: '25', ...(text ? { q: text } : {}) } }));
    return page.items.map((o) => ({ id: o.id, name: o.name }));
  },
  words: (t, what) => ({
    placeholder: t('partnerships.noOrganisation'),
    searchLabel: t('partnerships.findOrganisationFor', { what }),
    searchPlaceholder: t('partnerships.findOrganisation'),
    noMatches: t('partnerships.noMatches')
  })
};
