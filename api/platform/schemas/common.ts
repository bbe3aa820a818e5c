/**
 * Shapes shared by every resource: ids, dates, codes, list queries and pages,
 * the problem+json body. One source of truth for the API and the web.
 */
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { says } from '../http/problem-words.js';

/** a schema's own message as a catalogue key, for the schemas of every context (the published language) */
export { says, type ProblemKey } from '../http/problem-words.js';

export const Id = z.string().min(1, says('problems_field_chooseOne')).max(64, says('problems_field_notAnId'));

export const IdParam = z.strictObject({ id: Id });

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date(says('problems_field_date'));

/** An instant with offset, e.g. `2026-11-23T09:30:00Z`. */
export const Instant = z.iso.datetime({ offset: true, ...says('problems_field_instant') });

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => code.length === 2 && countries.isValid(code), says('problems_field_countryCode'));

export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, says('problems_field_languageCode'));

export const NutsCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/, says('problems_field_nutsCode'));

export const NonEmptyText = (max = 300) => z.string().trim().min(1, says('problems_field_required')).max(max);

export const OptionalText = (max = 300) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

export const Limit = z.coerce.number().int().min(1).max(200).default(50);

/** Fields every list query accepts. */
export const ListQueryBase = {
  limit: Limit,
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional()
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('The stable key of the detail’s message (`problems_…`): programs branch on it, not on the words.'),
    params: z.record(z.string(), z.unknown()).describe('The values the detail’s message shows, by name.'),
    detail: z.string().describe('What happened and what to do, in the reader’s language: a signed-in caller’s account language, else Accept-Language (en, de, nl), else English. `title` stays an English label of the status.'),
    errors: z
      .array(
        z.object({
          path: z.string(),
          code: z.string().describe('The stable key of the message (`problems_field_…`, zod’s checks mapped to the catalogue).'),
          params: z.record(z.string(), z.unknown()).describe('The values the message shows (e.g. minimum, maximum, options).'),
          message: z.string().describe('The message in the reader’s language, to show beside the field.')
        })
      )
      .optional(),
    storage: z.enum(['disk-full', 'read-only', 'io-error', 'cannot-open', 'busy']).optional().describe('On a 503: the storage fault that stopped the write.')
  })
  .meta({ id: 'Problem' });

export const AuditEventSchema = z.object({
  id: Id,
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown()
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuery = z.strictObject({
  entityType: z.enum(['region', 'organisation', 'person', 'partnership', 'interaction', 'user', 'activity', 'task', 'cost', 'budget', 'feedback', 'programme', 'call', 'proposal', 'scoring_matrix', 'work_plan', 'evaluation']),
  entityId: Id
});
