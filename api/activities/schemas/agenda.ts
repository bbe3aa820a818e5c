/**
 * The programme of an activity: numbered agenda items (time, place,
 * counterpart organisation, topic; for meetings also presenter, discussion
 * notes and decisions) and outcomes (contacts made, agreements, project
 * leads, notes) that a later candidate project can point at.
 */
import { z } from 'zod';
import { Id, NonEmptyText, OptionalText, says } from '../../platform/schemas/common.js';
import { DateTimeInput } from '../../platform/schemas/times.js';

const agendaFields = {
  /** 1-based place in the programme; items after it move down. Past the end means last. */
  position: z.int(says('problems_agenda_field_position')).min(1, says('problems_agenda_field_position')).max(1000),
  /** local wall time in the activity's zone (or an instant with offset) */
  startsAt: DateTimeInput.nullable(),
  place: OptionalText(200),
  counterpartOrganisationId: Id.nullable(),
  topic: NonEmptyText(500),
  presenter: OptionalText(200),
  notes: OptionalText(20_000),
  decisions: OptionalText(20_000)
};

export const AgendaItemCreate = z.strictObject({
  ...agendaFields,
  position: agendaFields.position.optional(),
  startsAt: agendaFields.startsAt.default(null),
  place: agendaFields.place.default(null),
  counterpartOrganisationId: agendaFields.counterpartOrganisationId.default(null),
  presenter: agendaFields.presenter.default(null),
  notes: agendaFields.notes.default(null),
  decisions: agendaFields.decisions.default(null)
});
export type AgendaItemCreate = z.infer<typeof AgendaItemCreate>;

export const AgendaItemPatch = z.strictObject(agendaFields).partial();
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;

export const AgendaItem = z
  .object({
    id: Id,
    activityId: Id,
    /** 1, 2, 3, … in programme order */
    number: z.number().int(),
    /** UTC instant */
    startsAt: z.string().nullable(),
    /** wall time in the activity's zone */
    localStartsAt: z.string().nullable(),
    place: z.string().nullable(),
    counterpartOrganisationId: z.string().nullable(),
    counterpartOrganisationName: z.string().nullable(),
    topic: z.string(),
    presenter: z.string().nullable(),
    notes: z.string().nullable(),
    decisions: z.string().nullable(),
    version: z.number().int()
  })
  .meta({ id: 'AgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaList = z.object({ items: z.array(AgendaItem) }).meta({ id: 'AgendaList' });
export const AgendaItemParam = z.strictObject({ id: Id, itemId: Id });

export const OutcomeKind = z.enum(['contact', 'agreement', 'project_lead', 'note']);

export const OutcomeCreate = z.strictObject({
  kind: OutcomeKind,
  text: NonEmptyText(5000),
  /** a candidate project this outcome led to (proposals arrive with the funding feature) */
  proposalId: Id.nullable().default(null)
});
export type OutcomeCreate = z.infer<typeof OutcomeCreate>;

export const Outcome = z
  .object({
    id: Id,
    activityId: Id,
    kind: OutcomeKind,
    text: z.string(),
    proposalId: z.string().nullable(),
    createdAt: z.string()
  })
  .meta({ id: 'Outcome' });
export type Outcome = z.infer<typeof Outcome>;

export const OutcomeList = z.object({ items: z.array(Outcome) }).meta({ id: 'OutcomeList' });
export const OutcomeParam = z.strictObject({ id: Id, outcomeId: Id });
