/**
 * What the command palette offers beside records: the actions (the forms
 * that create or log something, for those whose role may write) and the
 * pages of the app, each worded in the reader's language.
 */
import type { Me } from '$api/platform/schemas/auth';
import { m } from '$i18n/paraglide/messages.js';

export interface PaletteEntry {
  /** unique among the palette's options */
  key: string;
  kind: 'action' | 'page' | 'record';
  label: string;
  /** a second line: the record's type and details, an action's form */
  detail: string;
  href: string;
}

const WRITERS = new Set(['admin', 'officer', 'editor']);

/** The actions and pages `me` may use, worded now (the language may have changed since the last opening). */
export function staticEntries(me: Me): PaletteEntry[] {
  const writes = me.isAdmin || me.memberships.some((x) => WRITERS.has(x.role));
  const manages = me.isAdmin || me.memberships.some((x) => x.role === 'admin' || x.role === 'officer');
  const action = (key: string, label: string, href: string): PaletteEntry => ({ key: `action:${key}`, kind: 'action', label, detail: m.palette_kind_action(), href });
  const page = (href: string, label: string): PaletteEntry => ({ key: `page:${href}`, kind: 'page', label, detail: m.palette_kind_page(), href });
  return [
    ...(writes
      ? [
          action('trip', m.palette_action_logTrip(), '/activities/new?type=delegation_trip'),
          action('activity', m.palette_action_newActivity(), '/activities/new'),
          action('proposal', m.palette_action_newProposal(), '/proposals/new'),
          action('interaction', m.palette_action_logInteraction(), '/organisations'),
          action('organisation', m.palette_action_newOrganisation(), '/organisations/new'),
          action('person', m.palette_action_newPerson(), '/people/new')
        ]
      : []),
    ...(manages ? [action('partnership', m.palette_action_newPartnership(), '/partnerships/new')] : []),
    page('/', m.common_nav_home()),
    page('/partnerships', m.common_nav_partnerships()),
    page('/activities', m.common_nav_activities()),
    page('/proposals', m.common_nav_proposals()),
    page('/calls', m.common_nav_calls()),
    page('/deadlines', m.common_nav_deadlines()),
    page('/tasks', m.common_nav_tasks()),
    page('/notifications', m.palette_page_notifications()),
    page('/organisations', m.common_nav_organisations()),
    page('/people', m.common_nav_people()),
    page('/regions', m.common_nav_regions()),
    page('/budgets', m.common_nav_budgets()),
    page('/search', m.common_nav_search()),
    ...(me.isAdmin ? [page('/admin/users', m.common_nav_users())] : []),
    page('/account', m.common_nav_account())
  ];
}
