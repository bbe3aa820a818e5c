/** The CRM's services: users and memberships, regions, domains, partnerships, organisations, people, interactions and search. */
import type { DB } from '../../../db/connection.js';
import type { ContextEnv, Settings } from '../../platform/index.js';
import { DomainService } from './domains.js';
import { InteractionService } from './interactions.js';
import { OrganisationService } from './organisations.js';
import { PartnershipService } from './partnerships.js';
import { PersonService } from './people.js';
import { RegionService } from './regions.js';
import { SearchService } from './search.js';
import { UserService } from './users.js';

export function crmServices(db: DB, settings: Settings, clock?: () => Date) {
  return {
    users: new UserService(db, settings),
    regions: new RegionService(db),
    domains: new DomainService(db),
    partnerships: new PartnershipService(db, clock),
    organisations: new OrganisationService(db),
    people: new PersonService(db, clock),
    interactions: new InteractionService(db),
    search: new SearchService(db)
  };
}

export type CrmServices = ReturnType<typeof crmServices>;
export type CrmEnv = ContextEnv<CrmServices>;
export { crmAuditedRecords } from './audited-records.js';
