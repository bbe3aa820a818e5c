/**
 * Words for the values the account screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { Role } from '$api/platform/schemas/auth';
import { m } from '$i18n/paraglide/messages.js';

/** `account.sso.*` */
export const accountSso = {
  unavailable: m.account_sso_unavailable,
  state: m.account_sso_state,
  denied: m.account_sso_denied,
  rejected: m.account_sso_rejected,
  unverified: m.account_sso_unverified,
  unknown: m.account_sso_unknown,
  disabled: m.account_sso_disabled
};

/** `account.role.*` */
export const accountRole: Record<Role, () => string> = {
  admin: m.account_role_admin,
  officer: m.account_role_officer,
  editor: m.account_role_editor,
  viewer: m.account_role_viewer
};
