/** Funding calls to pick from (GET /api/calls?q=…; the nearest deadlines first when nothing is typed), for CallPicker. */
import { apiClient, read } from '$lib/api/client.js';
import type { PickerSource } from '$lib/ui/picker.js';
import { m } from '$i18n/paraglide/messages.js';

export const callChoices: PickerSource = {
  async search(text) {
    const page = await read(await apiClient().calls.$get({ query: { limit: '25', ...(text ? { q: text } : {}) } }));
    return page.items.map((c) => ({ id: c.id, name: `${c.identifier} — ${c.title}` }));
  },
  words: (what) => ({
    placeholder: m.proposals_noCall(),
    searchLabel: m.proposals_findCallFor({ what }),
    searchPlaceholder: m.proposals_findCall(),
    noMatches: m.common_noResults()
  })
};
