/**
 * Funding programmes: shared reference data (Interreg NWE, Horizon Europe,
 * Erasmus+, LIFE, …), seeded as a catalogue and extended by users.
 *
 * A co-financing rate is the EU's share of eligible costs as a decimal
 * fraction between 0 and 1 — `"0.60"` for 60 % — sent as a string or a
 * number, answered as a string with at least two decimals. The usual
 * cut-off is a wall time (`17:00:00`) in an IANA zone (`Europe/Brussels`):
 * a call deadline given as a date alone is taken at that time.
 */
import { z } from 'zod';
import { Id, ListQueryBase, NonEmptyText, OptionalText, pageOf, type ProblemKey, says } from '../../platform/schemas/common.js';
import { parseDecimal } from '../../platform/schemas/money.js';
import { TimeZone } from '../../platform/schemas/times.js';
import { PROGRAMME_FAMILIES } from './programme-families.js';

export const ProgrammeFamily = z.enum(PROGRAMME_FAMILIES);
export type ProgrammeFamily = z.infer<typeof ProgrammeFamily>;

/** A fraction 0 < rate ≤ 1 as the canonical decimal string with at least two decimals ("0.6" → "0.60", 1 → "1.00"). */
export function normaliseCofinancingRate(input: string | number): string | { error: ProblemKey } {
  const parsed = parseDecimal(input);
  const message = 'problems_funding_field_cofinancingRate';
  if ('error' in parsed) return { error: message };
  const unit = 10n ** BigInt(parsed.scale);
  if (parsed.value === 0n || parsed.value > unit) return { error: message };
  if (parsed.scale > 4) return { error: 'problems_funding_field_cofinancingDecimals' };
  const scale = Math.max(2, parsed.scale);
  const digits = (parsed.value * 10n ** BigInt(scale - parsed.scale)).toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

export const CofinancingRate = z
  .union([z.string().max(20), z.number()])
  .transform((value, ctx) => {
    const rate = normaliseCofinancingRate(value);
    if (typeof rate === 'string') return rate;
    ctx.addIssue({ code: 'custom', message: rate.error, input: value });
    return z.NEVER;
  })
  .meta({ description: 'The EU share of eligible costs as a fraction from 0.01 to 1 (0.60 = 60 %), a string or a number', examples: ['0.60'] });

/** `17:00` or `17:00:00`, answered as `HH:mm:ss`. */
export const CutOffTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, says('problems_funding_field_timeOfDay'))
  .transform((v) => (v.length === 5 ? `${v}:00` : v));

/** Like `2021-2027`. */
export const ProgrammePeriod = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}$/, says('problems_funding_field_period'))
  .refine((v) => Number(v.slice(0, 4)) <= Number(v.slice(5)), says('problems_funding_field_periodReversed'))
  .nullable();

/** Short and unique, e.g. INTERREG-NWE or HORIZON (the prefix of the portal's topic identifiers where there is one). */
export const ProgrammeCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9+_.-]{0,39}$/, says('problems_funding_field_programmeCode'));

const fields = {
  code: ProgrammeCode,
  name: NonEmptyText(200),
  family: ProgrammeFamily,
  parentId: Id.nullable(),
  period: ProgrammePeriod,
  cofinancingRate: CofinancingRate.nullable(),
  cofinancingNote: OptionalText(1000),
  source: OptionalText(500),
  cutOffTime: CutOffTime,
  cutOffZone: TimeZone,
  historic: z.boolean()
};

export const ProgrammeCreate = z.strictObject({
  ...fields,
  parentId: fields.parentId.default(null),
  period: fields.period.default(null),
  cofinancingRate: fields.cofinancingRate.default(null),
  cofinancingNote: fields.cofinancingNote.default(null),
  source: fields.source.default(null),
  cutOffTime: fields.cutOffTime.default('17:00:00'),
  cutOffZone: fields.cutOffZone.default('Europe/Brussels'),
  historic: fields.historic.default(false)
});
export type ProgrammeCreate = z.infer<typeof ProgrammeCreate>;

/** Only the fields sent change. */
export const ProgrammePatch = z.strictObject(fields).partial();
export type ProgrammePatch = z.infer<typeof ProgrammePatch>;

export const Programme = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    family: ProgrammeFamily,
    parentId: z.string().nullable(),
    parentName: z.string().nullable(),
    period: z.string().nullable(),
    /** the typical EU rate ("0.60"), null where it varies; see the note */
    cofinancingRate: z.string().nullable(),
    cofinancingNote: z.string().nullable(),
    /** where the figures come from */
    source: z.string().nullable(),
    cutOffTime: z.string(),
    cutOffZone: z.string(),
    historic: z.boolean(),
    createdBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Programme' });
export type Programme = z.infer<typeof Programme>;

const BooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ProgrammeListQuery = z.strictObject({
  ...ListQueryBase,
  family: ProgrammeFamily.optional(),
  parentId: Id.optional(),
  historic: BooleanQuery.optional(),
  sort: z.enum(['name', '-name', 'code', '-code', 'updatedAt', '-updatedAt']).default('name')
});
export type ProgrammeListQuery = z.infer<typeof ProgrammeListQuery>;

export const ProgrammePage = pageOf(Programme);
