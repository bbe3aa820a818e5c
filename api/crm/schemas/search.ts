/** Search across organisations, people, partnerships, activities, calls and candidate projects by any word of their names. */
import { z } from 'zod';
import { says } from '../../platform/schemas/common.js';

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, says('problems_crm_field_searchWord')).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20)
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z
  .object({
    type: z.enum(['organisation', 'person', 'partnership', 'activity', 'call', 'proposal']),
    id: z.string(),
    title: z.string(),
    /** what the web shows under the title, in the reader's language */
    details: z.object({
      shortName: z.string().nullable(),
      /** an organisation's kind, e.g. university_research */
      kind: z.string().nullable(),
      country: z.string().nullable(),
      function: z.string().nullable(),
      organisationName: z.string().nullable(),
      city: z.string().nullable(),
      /** a call's identifier or a proposal's acronym */
      code: z.string().nullable(),
      /** a proposal's stage */
      stage: z.string().nullable(),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable()
    })
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ items: z.array(SearchHit) });
export type SearchResult = z.infer<typeof SearchResult>;
