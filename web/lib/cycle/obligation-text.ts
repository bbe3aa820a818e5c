/**
 * How an obligation reads in the web, in the reader's language, beside its
 * reason (which the API words: api/cycle/rules/obligation-words.ts): the
 * words of the link that fixes it and whether the reader may follow it, and
 * the years of the agreement's term.
 */
import type { AgreementTerm, Obligation } from '$api/cycle/schemas/obligations';
import { m } from '$i18n/paraglide/messages.js';

/** What the link does, e.g. "Open the evaluation 2026". */
export function obligationFix(o: Obligation, year: number): string {
  switch (o.code) {
    case 'visits':
      return o.link.startsWith('/activities/new') ? m.cycle_obligations_fix_visits() : m.cycle_obligations_fix_visitOpen();
    case 'evaluation':
      return m.cycle_obligations_fix_evaluation({ year });
    case 'work_plan':
      return m.cycle_obligations_fix_work_plan({ year: year + 1 });
    case 'contact_persons':
      return m.cycle_obligations_fix_contact_persons();
    case 'first_to_inform':
      return o.link.startsWith('/proposals/') ? m.cycle_obligations_fix_first_to_inform() : o.facts.applies ? m.cycle_obligations_fix_first_to_inform_ok() : m.cycle_obligations_fix_agreement();
    default:
      return o.link.endsWith('/edit') ? m.cycle_obligations_fix_agreement() : m.cycle_obligations_fix_successor();
  }
}

/**
 * The link of an obligation if the reader may act on it: editing the
 * agreement (its parties, its dates) is for its admins and officers,
 * recording a visit for its writers; opening a page is for everyone who sees
 * the partnership.
 */
export function obligationLink(o: Obligation, may: { mayEdit: boolean; mayWrite: boolean }): string | null {
  if (o.link.endsWith('/edit')) return may.mayEdit ? o.link : null;
  if (o.link.startsWith('/activities/new')) return may.mayWrite ? o.link : null;
  return o.link;
}

/** The first and last year of the agreement's term (null: no start day, or open-ended). */
export function termYears(term: AgreementTerm): { first: number | null; last: number | null } {
  return { first: term.startsOn ? Number(term.startsOn.slice(0, 4)) : null, last: term.endsOn ? Number(term.endsOn.slice(0, 4)) : null };
}
