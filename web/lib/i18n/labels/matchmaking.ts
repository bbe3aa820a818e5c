/**
 * Words for the values the matchmaking screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { ContactState } from '$api/activities/schemas/matchmaking';
import { m } from '$i18n/paraglide/messages.js';

/** `matchmaking.contact.*` */
export const matchmakingContact: Record<ContactState, (inputs: { date: NonNullable<unknown>; title: NonNullable<unknown> }) => string> = {
  never_met: m.matchmaking_contact_never_met,
  worth_renewing: m.matchmaking_contact_worth_renewing,
  recent: m.matchmaking_contact_recent
};
