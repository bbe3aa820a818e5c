/**
 * How an obligation reads in the web, in the reader's language: the reason
 * worded from its code, state and facts (the API's English `reason` is the
 * same sentence for API users), the words of the link that fixes it and
 * whether the reader may follow it, and the years of the agreement's term.
 */
import { DocumentStatus } from '$api/cycle/schemas/coediting';
import type { AgreementTerm, Obligation } from '$api/cycle/schemas/obligations';
import { monthName } from '$lib/partnerships/glance.js';
import type { Translator } from '$lib/i18n/index.js';
import { m } from '$i18n/paraglide/messages.js';
import { cycleObligationsStatus } from '$lib/i18n/labels/cycle.js';

type Facts = Obligation['facts'];

const num = (facts: Facts, key: string) => Number(facts[key] ?? 0);
const str = (facts: Facts, key: string) => (facts[key] === null || facts[key] === undefined ? null : String(facts[key]));

/** Where an evaluation or work plan stands, from the obligation's facts (a document not yet started has none). */
function statusWords(status: string | null): string {
  const known = DocumentStatus.safeParse(status);
  return cycleObligationsStatus[known.success ? known.data : 'none']();
}

export function obligationReason(i18n: Translator, o: Obligation, year: number): string {
  const f = o.facts;
  const day = (key: string) => i18n.date(str(f, key));
  const month = monthName(i18n.locale, num(f, 'month') || 1);
  switch (o.code) {
    case 'visits': {
      const v = { held: num(f, 'held'), required: num(f, 'required'), planned: num(f, 'planned'), missing: num(f, 'required') - num(f, 'held') - num(f, 'planned'), year };
      let text: string;
      if (v.required === 0) text = m.cycle_obligations_visits_none();
      else if (v.held >= v.required) text = m.cycle_obligations_visits_met(v);
      else if (o.state === 'red') text = m.cycle_obligations_visits_missed(v);
      else if (v.missing <= 0) text = m.cycle_obligations_visits_planned(v);
      else text = m.cycle_obligations_visits_plan(v);
      const unconfirmed = num(f, 'unconfirmed');
      return unconfirmed && v.held < v.required ? `${text} ${m.cycle_obligations_visits_unconfirmed({ count: unconfirmed })}` : text;
    }
    case 'evaluation': {
      const status = statusWords(str(f, 'status'));
      if (str(f, 'adoptedOn')) return (o.state === 'green' ? m.cycle_obligations_evaluation_adopted({ year, date: day('adoptedOn') }) : m.cycle_obligations_evaluation_adoptedLate({ year, date: day('adoptedOn'), month: `${month} ${year}` }));
      if (o.state === 'green') return m.cycle_obligations_evaluation_upcoming({ year, month, date: day('dueOn') });
      if (o.state === 'amber') return m.cycle_obligations_evaluation_inMonth({ year, month, date: day('dueOn'), status });
      return m.cycle_obligations_evaluation_overdue({ year, date: day('dueOn'), status });
    }
    case 'work_plan': {
      const values = { planYear: num(f, 'planYear'), year, month, date: day('dueOn') };
      if (str(f, 'draftedOn')) return (o.state === 'green' ? m.cycle_obligations_workPlan_proposed : m.cycle_obligations_workPlan_proposedLate)({ ...values, date: day('draftedOn') });
      if (o.state === 'green') return m.cycle_obligations_workPlan_upcoming(values);
      if (o.state === 'amber') return (str(f, 'status') === null ? m.cycle_obligations_workPlan_start : m.cycle_obligations_workPlan_proposeDraft)(values);
      return m.cycle_obligations_workPlan_overdue({ ...values, status: statusWords(str(f, 'status')) });
    }
    case 'contact_persons':
      if (o.state === 'green') return m.cycle_obligations_contacts_named({ count: num(f, 'parties') });
      if (num(f, 'parties') === 0) return m.cycle_obligations_contacts_noParties();
      return m.cycle_obligations_contacts_missing({ names: str(f, 'missing') ?? '' });
    case 'first_to_inform':
      if (!f.applies) return m.cycle_obligations_firstToInform_off();
      if (num(f, 'flagged')) return m.cycle_obligations_firstToInform_flagged({ count: num(f, 'flagged'), acronyms: str(f, 'flaggedAcronyms') ?? '', year });
      if (num(f, 'unlogged')) return m.firstToInform_obligationUnlogged({ count: num(f, 'unlogged'), acronyms: str(f, 'unloggedAcronyms') ?? '', year });
      return num(f, 'checked') ? m.cycle_obligations_firstToInform_ok({ count: num(f, 'checked'), year }) : m.cycle_obligations_firstToInform_none({ year });
    case 'agreement_end': {
      const date = day('effectiveEndOn');
      if (f.status === 'draft') return m.cycle_obligations_end_draft();
      if (!str(f, 'effectiveEndOn')) return m.cycle_obligations_end_open();
      if (f.status === 'ended') return (f.renewed ? m.cycle_obligations_end_endedRenewed : m.cycle_obligations_end_ended)({ date });
      if (f.status === 'in_notice') return m.cycle_obligations_end_inNotice({ sent: day('noticeSentOn'), date });
      if (o.state === 'amber') return m.cycle_obligations_end_soon({ date, count: num(f, 'daysUntilEnd') });
      return (f.renewed ? m.cycle_obligations_end_inForceRenewed : m.cycle_obligations_end_inForce)({ date });
    }
    case 'notice': {
      if (!str(f, 'lastNoticeDay')) return m.cycle_obligations_notice_none();
      if (str(f, 'noticeSentOn')) return m.cycle_obligations_notice_sent({ date: day('noticeSentOn') });
      if (f.status === 'ended') return m.cycle_obligations_notice_ended();
      if (num(f, 'daysUntilLastNoticeDay') < 0) return m.cycle_obligations_notice_passed({ date: day('lastNoticeDay'), end: day('effectiveEndOn') });
      if (o.state === 'amber') return m.cycle_obligations_notice_soon({ date: day('lastNoticeDay'), end: day('endsOn'), count: num(f, 'daysUntilLastNoticeDay') });
      return m.cycle_obligations_notice_until({ date: day('lastNoticeDay') });
    }
    case 'renewal': {
      if (!str(f, 'renewalDecisionDay')) return m.cycle_obligations_renewal_open();
      if (f.renewed) return m.cycle_obligations_renewal_done();
      if (f.status === 'ended') return m.cycle_obligations_renewal_ended({ date: day('effectiveEndOn') });
      if (num(f, 'daysUntilRenewalDecision') < 0) return m.cycle_obligations_renewal_overdue({ date: day('renewalDecisionDay'), end: day('effectiveEndOn') });
      if (o.state === 'amber') return m.cycle_obligations_renewal_soon({ date: day('renewalDecisionDay'), count: num(f, 'daysUntilRenewalDecision') });
      return m.cycle_obligations_renewal_due({ date: day('renewalDecisionDay') });
    }
    default:
      return o.reason;
  }
}

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
