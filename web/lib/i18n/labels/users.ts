/**
 * Words for the values the users screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import { m } from '$i18n/paraglide/messages.js';

/** `users.fields.*` */
export const usersFields = {
  name: m.users_fields_name,
  email: m.users_fields_email,
  organisationId: m.users_fields_organisationId,
  isAdmin: m.users_fields_isAdmin,
  disabled: m.users_fields_disabled,
  invitationPending: m.users_fields_invitationPending,
  memberships: m.users_fields_memberships
};
