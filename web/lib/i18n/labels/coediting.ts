/**
 * Words for the values the coediting screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { DocumentStatus, HistoryAction } from '$api/cycle/schemas/coediting';
import type { z } from 'zod';
import { m } from '$i18n/paraglide/messages.js';

/** `coediting.history.action.*` */
export const coeditingHistoryAction: Record<z.infer<typeof HistoryAction>, () => string> = {
  create: m.coediting_history_action_create,
  update: m.coediting_history_action_update,
  merge: m.coediting_history_action_merge,
  restore: m.coediting_history_action_restore,
  move: m.coediting_history_action_move,
  delete: m.coediting_history_action_delete
};

/** `coediting.live.*`: the live room's connection (live.svelte.ts; 'closed' reads as retrying) */
export const coeditingLive: Record<'connecting' | 'live' | 'retrying', () => string> = {
  connecting: m.coediting_live_connecting,
  live: m.coediting_live_live,
  retrying: m.coediting_live_retrying
};

/** `coediting.approvals.explain.*` */
export const coeditingApprovalsExplain: Record<DocumentStatus, () => string> = {
  draft: m.coediting_approvals_explain_draft,
  proposed: m.coediting_approvals_explain_proposed,
  adopted: m.coediting_approvals_explain_adopted
};

/** `coediting.status.*` */
export const coeditingStatus: Record<DocumentStatus, () => string> = {
  draft: m.coediting_status_draft,
  proposed: m.coediting_status_proposed,
  adopted: m.coediting_status_adopted
};
