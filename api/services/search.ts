/**
 * Search: organisations, people and partnerships by any word of their
 * names (people also by their function), accents folded and each word
 * prefix-matched, best matches first; only what the caller may see.
 * A query with no letter or digit in it is a 400.
 */
import type { DB } from '../../db/connection.js';
import { organisationsByIds, visibleOrganisationNames } from '../../db/repositories/organisations.js';
import { peopleByIds } from '../../db/repositories/people.js';
import { ftsMatchExpression, partnershipTitles, searchIndex, type SearchHitRow } from '../../db/repositories/search.js';
import type { Caller } from '../caller.js';
import { ValidationFailed } from '../errors.js';
import type { SearchHit, SearchQuery, SearchResult } from '../schemas/search.js';
import { scopeOf } from './access.js';

const KIND_LABELS: Record<string, string> = {
  regional_authority: 'Regional authority',
  municipality: 'Municipality',
  county: 'County',
  agency: 'Agency',
  university_research: 'University / research',
  company: 'Company',
  cluster_intermediary: 'Cluster / intermediary',
  ngo: 'NGO',
  network: 'Network'
};

function joined(parts: (string | null | undefined)[]): string | null {
  const present = parts.filter((p): p is string => Boolean(p));
  return present.length ? present.join(' · ') : null;
}

function idsOf(rows: SearchHitRow[], type: SearchHitRow['entity_type']): string[] {
  return rows.filter((r) => r.entity_type === type).map((r) => r.entity_id);
}

export class SearchService {
  constructor(private readonly db: DB) {}

  async search(caller: Caller, query: SearchQuery): Promise<SearchResult> {
    const match = ftsMatchExpression(query.q);
    if (!match) throw new ValidationFailed([{ path: 'query.q', message: 'Type at least one letter or digit.' }]);
    const scope = scopeOf(caller);
    const rows = await searchIndex(this.db, scope, match, query.limit);
    const [organisations, people, partnerships] = await Promise.all([
      organisationsByIds(this.db, idsOf(rows, 'organisation')),
      peopleByIds(this.db, idsOf(rows, 'person')),
      partnershipTitles(this.db, idsOf(rows, 'partnership'))
    ]);
    const employers = await visibleOrganisationNames(this.db, scope, people.map((p) => p.organisation_id).filter((id) => id !== null));
    const hits = new Map<string, SearchHit>();
    for (const o of organisations) hits.set(o.id, { type: 'organisation', id: o.id, title: o.name, subtitle: joined([o.short_name, KIND_LABELS[o.kind], o.country]) });
    for (const p of people) hits.set(p.id, { type: 'person', id: p.id, title: p.name, subtitle: joined([p.function, p.organisation_id ? employers.get(p.organisation_id) : null]) });
    for (const p of partnerships) hits.set(p.id, { type: 'partnership', id: p.id, title: p.title, subtitle: p.starts_on || p.ends_on ? `${p.starts_on ?? '…'} – ${p.ends_on ?? '…'}` : null });
    return { items: rows.map((r) => hits.get(r.entity_id)).filter((h): h is SearchHit => h !== undefined) };
  }
}
