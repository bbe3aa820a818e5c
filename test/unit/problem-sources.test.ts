/**
 * Problems speak through the catalogue (api/platform/http/problem-words.ts):
 * no `new <Problem>('an English sentence')` in the API's sources. Files not
 * converted yet are listed here by name (NotFound takes a typed thing, checked by the type check); the list only shrinks (a listed
 * file that no longer has one fails too, so it is taken off).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

const PROBLEMS = ['Problem', 'ValidationFailed', 'Unauthorized', 'Forbidden', 'Conflict', 'PreconditionFailed', 'PreconditionRequired', 'TooManyRequests', 'InternalError', 'RuleProblem', 'RecurrenceProblem'];
/** `new Forbidden('…'`, `new Problem(410, 'Gone', '…'` (the detail after status and title), an English field message `{ path: …, message: '…' }` */
const ENGLISH = [
  new RegExp(`new (${PROBLEMS.join('|')})\\(\\s*(?:\`|['"](?!problems_))`),
  /new Problem\(\s*\d+,\s*'[^']*',\s*[`'"]/,
  /\bmessage: [`'"][A-Z`]/,
  /\berror: [`'"][A-Z`]/
];

/** files that still put English sentences in problems: to be converted, then taken off */
const NOT_YET: string[] = [
  'api/activities/schemas/agenda.ts',
  'api/activities/schemas/budgets.ts',
  'api/activities/schemas/costs.ts',
  'api/activities/schemas/feedback.ts',
  'api/activities/schemas/follow-ups.ts',
  'api/activities/schemas/matchmaking.ts',
  'api/activities/schemas/tasks.ts',
  'api/activities/services/activities.ts',
  'api/activities/services/activity-access.ts',
  'api/activities/services/budgets.ts',
  'api/activities/services/costs.ts',
  'api/activities/services/feedback.ts',
  'api/activities/services/follow-ups.ts',
  'api/activities/services/participants.ts',
  'api/activities/services/tasks.ts',
  'api/crm/rules/agreement-dates.ts',
  'api/crm/schemas/organisations.ts',
  'api/crm/schemas/partnerships.ts',
  'api/crm/schemas/people.ts',
  'api/crm/schemas/search.ts',
  'api/crm/schemas/users.ts',
  'api/crm/services/interactions.ts',
  'api/crm/services/memberships.ts',
  'api/crm/services/organisations.ts',
  'api/crm/services/partnerships.ts',
  'api/crm/services/people.ts',
  'api/crm/services/regions.ts',
  'api/crm/services/search.ts',
  'api/crm/services/users.ts',
  'api/deadlines/schemas/deadlines.ts',
  'api/deadlines/schemas/reminders.ts',
  'api/deadlines/services/calendar.ts',
  'api/funding/rules/portal-formats.ts',
  'api/funding/schemas/call-import.ts',
  'api/funding/schemas/calls.ts',
  'api/funding/schemas/programmes.ts',
  'api/funding/schemas/saved-searches.ts',
  'api/funding/services/call-import.ts',
  'api/funding/services/calls.ts',
  'api/funding/services/programmes.ts',
  'api/platform/http/control-characters.ts',
  'api/platform/rules/recurrence.ts',
  'api/platform/schemas/auth.ts',
  'api/platform/schemas/money.ts',
  'api/platform/services/health.ts',
  'api/privacy/schemas/retention.ts',
  'api/privacy/services/consent.ts',
  'api/privacy/services/person-erasure.ts',
  'api/privacy/services/person-rights.ts',
  'api/privacy/services/processing-record.ts',
  'api/privacy/services/retention.ts',
  'api/proposals/rules/cofinancing.ts',
];

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the API’s problems', () => {
  it('name a catalogue message, never an English sentence', () => {
    const english = sources('api').filter((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return ENGLISH.some((pattern) => pattern.test(text));
    });
    expect(english.filter((file) => !NOT_YET.includes(file)), 'files with an English problem').toEqual([]);
    expect(NOT_YET.filter((file) => !english.includes(file)), 'converted: take them off NOT_YET').toEqual([]);
  });
});
