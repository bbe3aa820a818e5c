/** Organisations to pick from (GET /api/organisations?q=…), for ui/OrganisationPicker. */
import { apiClient, read } from '$lib/api/client.js';
import type { PickerSource } from './picker.js';
import { m } from '$i18n/paraglide/messages.js';

export const organisationChoices: PickerSource = {
  async search(text) {
    const page = await read(await apiClient().organisations.$get({ query: { limit: '25', ...(text ? { q: text } : {}) } }));
    return page.items.map((o) => ({ id: o.id, name: o.name }));
  },
  words: (what) => ({
    placeholder: m.partnerships_noOrganisation(),
    searchLabel: m.partnerships_findOrganisationFor({ what }),
    searchPlaceholder: m.partnerships_findOrganisation(),
    noMatches: m.partnerships_noMatches()
  })
};
