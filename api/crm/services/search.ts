/**
 * Search: organisations, people and partnerships by any word of their
 * names (people also by their function), accents folded and each word
 * prefix-matched, best matches first; only what the caller may see.
 * A query with no letter or digit in it is a 400.
 */
import type { DB } from '../../../db/connection.js';
import { organisationsByIds, visibleOrganisationNames } from '../../../db/crm/organisations.js';
import { peopleByIds } from '../../../db/crm/people.js';
import { activitySummaries, callSummaries, ftsMatchExpression, proposalSummaries, partnershipTitles, searchIndex, type SearchHitRow } from '../../../db/crm/search.js';
import { ValidationFailed, scopeOf, words, type Caller } from '../../platform/index.js';
import type { SearchHit, SearchQuery, SearchResult } from '../schemas/search.js';

const NO_DETAILS: SearchHit['details'] = { shortName: null, kind: null, country: null, function: null, organisationName: null, city: null, code: null, stage: null, startsOn: null, endsOn: null };

function idsOf(rows: SearchHitRow[], type: SearchHitRow['entity_type']): string[] {
  return rows.filter((r) => r.entity_type === type).map((r) => r.entity_id);
}

export class SearchService {
  constructor(private readonly db: DB) {}

  async search(caller: Caller, query: SearchQuery): Promise<SearchResult> {
    const match = ftsMatchExpression(query.q);
    if (!match) throw new ValidationFailed([{ path: 'query.q', ...words('problems_crm_field_searchLetter') }]);
    const scope = scopeOf(caller);
    const rows = await searchIndex(this.db, scope, match, query.limit);
    const [organisations, people, partnerships, activities, calls, proposals] = await Promise.all([
      organisationsByIds(this.db, idsOf(rows, 'organisation')),
      peopleByIds(this.db, idsOf(rows, 'person')),
      partnershipTitles(this.db, idsOf(rows, 'partnership')),
      activitySummaries(this.db, idsOf(rows, 'activity')),
      callSummaries(this.db, idsOf(rows, 'call')),
      proposalSummaries(this.db, idsOf(rows, 'proposal'))
    ]);
    const employers = await visibleOrganisationNames(this.db, scope, people.map((p) => p.organisation_id).filter((id) => id !== null));
    const hits = new Map<string, SearchHit>();
    for (const o of organisations) {
      hits.set(o.id, { type: 'organisation', id: o.id, title: o.name, details: { ...NO_DETAILS, shortName: o.short_name, kind: o.kind, country: o.country } });
    }
    for (const p of people) {
      const organisationName = p.organisation_id ? (employers.get(p.organisation_id) ?? null) : null;
      hits.set(p.id, { type: 'person', id: p.id, title: p.name, details: { ...NO_DETAILS, function: p.function, organisationName } });
    }
    for (const p of partnerships) {
      hits.set(p.id, { type: 'partnership', id: p.id, title: p.title, details: { ...NO_DETAILS, startsOn: p.starts_on, endsOn: p.ends_on } });
    }
    for (const a of activities) {
      const startsOn = (a.starts_local ?? a.starts_at).slice(0, 10);
      hits.set(a.id, { type: 'activity', id: a.id, title: a.title, details: { ...NO_DETAILS, city: a.city, country: a.country, startsOn } });
    }
    for (const c of calls) hits.set(c.id, { type: 'call', id: c.id, title: c.title, details: { ...NO_DETAILS, code: c.identifier } });
    for (const p of proposals) hits.set(p.id, { type: 'proposal', id: p.id, title: p.title, details: { ...NO_DETAILS, code: p.acronym, stage: p.stage } });
    return { items: rows.map((r) => hits.get(r.entity_id)).filter((h): h is SearchHit => h !== undefined) };
  }
}
