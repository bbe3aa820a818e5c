/** Every feature's messages, one JSON file each; add a line when you add a file. */
import account from './account.json';
import activities from './activities.json';
import audit from './audit.json';
import common from './common.json';
import overview from './overview.json';
import partnerships from './partnerships.json';
import regions from './regions.json';
import interactions from './interactions.json';
import organisations from './organisations.json';
import people from './people.json';
import personRights from './personRights.json';
import search from './search.json';
import users from './users.json';
import costs from './costs.json';
import feedback from './feedback.json';
import matchmaking from './matchmaking.json';
import tasks from './tasks.json';
import calls from './calls.json';
import programmes from './programmes.json';
import deadlines from './deadlines.json';
import notifications from './notifications.json';
import proposals from './proposals.json';
import scoring from './scoring.json';
import cycle from './cycle.json';
import evaluations from './evaluations.json';
import coediting from './coediting.json';
import workplans from './workplans.json';
import reports from './reports.json';
import privacy from './privacy.json';

type Catalogue = { en: Record<string, unknown>; de: Record<string, unknown>; nl?: Record<string, unknown> };

const features: Record<string, Catalogue> = {
  account,
  activities,
  audit,
  common,
  overview,
  partnerships,
  regions,
  interactions,
  organisations,
  people,
  personRights,
  search,
  users,
  costs,
  feedback,
  matchmaking,
  tasks,
  calls,
  programmes,
  deadlines,
  notifications,
  proposals,
  scoring,
  evaluations,
  coediting,
  workplans,
  reports,
  cycle,
  privacy
};

export function messages(locale: 'en' | 'de' | 'nl'): Record<string, unknown> {
  return Object.fromEntries(Object.entries(features).map(([name, catalogue]) => [name, catalogue[locale] ?? {}]));
}
