/**
 * People: contacts at organisations, with what the GDPR asks us to keep
 * about them (lawful basis; for consent, when and where it was given).
 */
import { z } from 'zod';
import { CalendarDate, Id, LanguageCode, ListQueryBase, NonEmptyText, OptionalText, pageOf, says } from '../../platform/schemas/common.js';
import { DomainLabels, noDuplicates } from './organisations.js';

export const LawfulBasis = z.enum(['consent', 'legitimate_interest', 'public_task', 'contract']);
export type LawfulBasis = z.infer<typeof LawfulBasis>;

export const Email = z.string().trim().max(254).pipe(z.email(says('problems_field_email')));

/** Light check: digits with the usual separators, an optional leading +. */
export const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()./-]+$/, says('problems_crm_field_phoneCharacters'))
  .refine((phone) => (phone.match(/[0-9]/g) ?? []).length >= 3, says('problems_crm_field_phoneDigits'));

const fields = {
  organisationId: Id.nullable(),
  name: NonEmptyText(200),
  function: OptionalText(200),
  emails: z.array(Email).max(10),
  phones: z.array(Phone).max(10),
  languages: z.array(LanguageCode).max(10),
  domains: z.array(Id).max(50).superRefine(noDuplicates((id) => id, 'problems_crm_field_domainTwice')),
  lawfulBasis: LawfulBasis,
  consentDate: CalendarDate.nullable(),
  consentSource: OptionalText(300)
};

export const PersonCreate = z.strictObject({
  ...fields,
  organisationId: fields.organisationId.default(null),
  function: fields.function.default(null),
  emails: fields.emails.default([]),
  phones: fields.phones.default([]),
  languages: fields.languages.default([]),
  domains: fields.domains.default([]),
  consentDate: fields.consentDate.default(null),
  consentSource: fields.consentSource.default(null)
});
export type PersonCreate = z.infer<typeof PersonCreate>;

/** Only the fields sent change (no defaults here); lists replace the stored list. */
export const PersonPatch = z.strictObject(fields).partial();
export type PersonPatch = z.infer<typeof PersonPatch>;

export const Person = z
  .object({
    id: Id,
    /** null also when the organisation is not visible to the caller */
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    name: z.string(),
    function: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    languages: z.array(z.string()),
    domains: z.array(z.object({ domainId: Id, labels: DomainLabels })),
    lawfulBasis: LawfulBasis,
    consentDate: z.string().nullable(),
    consentSource: z.string().nullable(),
    recordedByOrganisationId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const PersonListQuery = z.strictObject({
  ...ListQueryBase,
  organisationId: Id.optional(),
  domainId: Id.optional(),
  partnershipId: Id.optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt']).default('name')
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

/** What a list shows of a person: the record without domains (read one to get them). */
export const PersonListItem = Person.omit({ domains: true }).meta({ id: 'PersonListItem' });
export type PersonListItem = z.infer<typeof PersonListItem>;

export const PersonPage = pageOf(PersonListItem);
