/** People to pick from (GET /api/people?q=…), shown with their organisation, for PersonPicker. */
import { apiClient, read } from '$lib/api/client.js';
import type { PickerSource } from '$lib/ui/picker.js';
import { m } from '$i18n/paraglide/messages.js';

/** the person a choice stands for: a form can fill in their organisation */
export interface PersonChoice {
  id: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
}

export const personChoices: PickerSource<PersonChoice> = {
  async search(text) {
    const page = await read(await apiClient().people.$get({ query: { limit: '25', ...(text ? { q: text } : {}) } }));
    return page.items.map((p) => ({
      id: p.id,
      name: p.organisationName ? `${p.name} — ${p.organisationName}` : p.name,
      record: { id: p.id, name: p.name, organisationId: p.organisationId, organisationName: p.organisationName }
    }));
  },
  words: (what) => ({
    placeholder: m.activities_participants_noPerson(),
    searchLabel: m.activities_participants_findPersonFor({ what }),
    searchPlaceholder: m.activities_participants_findPerson(),
    noMatches: m.activities_participants_noMatches()
  })
};
