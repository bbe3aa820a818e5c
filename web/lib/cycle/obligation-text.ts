/**
 * How an obligation reads in the web, in the reader's language: the reason
 * worded from its code, state and facts (the API's English `reason` is the
 * same sentence for API users), the words of the link that fixes it and
 * whether the reader may follow it, and the years of the agreement's term.
 */
import type { AgreementTerm, Obligation } from '$api/cycle/schemas/obligations';
import { monthName } from '$lib/partnerships/glance.js';
import type { Translator } from '$lib/i18n/index.js';

type Facts = Obligation['facts'];

const num = (facts: Facts, key: string) => Number(facts[key] ?? 0);
const str = (facts: Facts, key: string) => (facts[key] === null || facts[key] === undefined ? null : String(facts[key]));

function statusWords(i18n: Translator, status: string | null): string {
  return i18n.t(`cycle.obligations.status.${status ?? 'none'}`);
}

export function obligationReason(i18n: Translator, o: Obligation, year: number): string {
  const f = o.facts;
  const t = (key: string, values?: Record<string, unknown>) => i18n.t(`cycle.obligations.${key}`, values);
  const day = (key: string) => i18n.date(str(f, key));
  const month = monthName(i18n.locale, num(f, 'month') || 1);
  switch (o.code) {
    case 'visits': {
      const v = { held: num(f, 'held'), required: num(f, 'required'), planned: num(f, 'planned'), missing: num(f, 'required') - num(f, 'held') - num(f, 'planned'), year };
      let text: string;
      if (v.required === 0) text = t('visits.none');
      else if (v.held >= v.required) text = t('visits.met', v);
      else if (o.state === 'red') text = t('visits.missed', v);
      else if (v.missing <= 0) text = t('visits.planned', v);
      else text = t('visits.plan', v);
      const unconfirmed = num(f, 'unconfirmed');
      return unconfirmed && v.held < v.required ? `${text} ${t('visits.unconfirmed', { count: unconfirmed })}` : text;
    }
    case 'evaluation': {
      const status = statusWords(i18n, str(f, 'status'));
      if (str(f, 'adoptedOn')) return t(o.state === 'green' ? 'evaluation.adopted' : 'evaluation.adoptedLate', { year, date: day('adoptedOn'), month: `${month} ${year}` });
      if (o.state === 'green') return t('evaluation.upcoming', { year, month, date: day('dueOn') });
      if (o.state === 'amber') return t('evaluation.inMonth', { year, month, date: day('dueOn'), status });
      return t('evaluation.overdue', { year, date: day('dueOn'), status });
    }
    case 'work_plan': {
      const values = { planYear: num(f, 'planYear'), year, month, date: day('dueOn') };
      if (str(f, 'draftedOn')) return t(o.state === 'green' ? 'workPlan.proposed' : 'workPlan.proposedLate', { ...values, date: day('draftedOn') });
      if (o.state === 'green') return t('workPlan.upcoming', values);
      if (o.state === 'amber') return t(str(f, 'status') === null ? 'workPlan.start' : 'workPlan.proposeDraft', values);
      return t('workPlan.overdue', { ...values, status: statusWords(i18n, str(f, 'status')) });
    }
    case 'contact_persons':
      if (o.state === 'green') return t('contacts.named', { count: num(f, 'parties') });
      if (num(f, 'parties') === 0) return t('contacts.noParties');
      return t('contacts.missing', { names: str(f, 'missing') ?? '' });
    case 'first_to_inform':
      if (!f.applies) return t('firstToInform.off');
      if (num(f, 'flagged')) return t('firstToInform.flagged', { count: num(f, 'flagged'), acronyms: str(f, 'flaggedAcronyms'), year });
      return num(f, 'checked') ? t('firstToInform.ok', { count: num(f, 'checked'), year }) : t('firstToInform.none', { year });
    case 'agreement_end': {
      const date = day('effectiveEndOn');
      if (f.status === 'draft') return t('end.draft');
      if (!str(f, 'effectiveEndOn')) return t('end.open');
      if (f.status === 'ended') return t(f.renewed ? 'end.endedRenewed' : 'end.ended', { date });
      if (f.status === 'in_notice') return t('end.inNotice', { sent: day('noticeSentOn'), date });
      if (o.state === 'amber') return t('end.soon', { date, count: num(f, 'daysUntilEnd') });
      return t(f.renewed ? 'end.inForceRenewed' : 'end.inForce', { date });
    }
    case 'notice': {
      if (!str(f, 'lastNoticeDay')) return t('notice.none');
      if (str(f, 'noticeSentOn')) return t('notice.sent', { date: day('noticeSentOn') });
      if (f.status === 'ended') return t('notice.ended');
      if (num(f, 'daysUntilLastNoticeDay') < 0) return t('notice.passed', { date: day('lastNoticeDay'), end: day('effectiveEndOn') });
      if (o.state === 'amber') return t('notice.soon', { date: day('lastNoticeDay'), end: day('endsOn'), count: num(f, 'daysUntilLastNoticeDay') });
      return t('notice.until', { date: day('lastNoticeDay') });
    }
    case 'renewal': {
      if (!str(f, 'renewalDecisionDay')) return t('renewal.open');
      if (f.renewed) return t('renewal.done');
      if (f.status === 'ended') return t('renewal.ended', { date: day('effectiveEndOn') });
      if (num(f, 'daysUntilRenewalDecision') < 0) return t('renewal.overdue', { date: day('renewalDecisionDay'), end: day('effectiveEndOn') });
      if (o.state === 'amber') return t('renewal.soon', { date: day('renewalDecisionDay'), count: num(f, 'daysUntilRenewalDecision') });
      return t('renewal.due', { date: day('renewalDecisionDay') });
    }
    default:
      return o.reason;
  }
}

/** What the link does, e.g. "Open the evaluation 2026". */
export function obligationFix(i18n: Translator, o: Obligation, year: number): string {
  const t = (key: string, values?: Record<string, unknown>) => i18n.t(`cycle.obligations.fix.${key}`, values);
  switch (o.code) {
    case 'visits':
      return o.link.startsWith('/activities/new') ? t('visits') : t('visitOpen');
    case 'evaluation':
      return t('evaluation', { year });
    case 'work_plan':
      return t('work_plan', { year: year + 1 });
    case 'contact_persons':
      return t('contact_persons');
    case 'first_to_inform':
      return o.link.startsWith('/proposals/') ? t('first_to_inform') : o.facts.applies ? t('first_to_inform_ok') : t('agreement');
    default:
      return o.link.endsWith('/edit') ? t('agreement') : t('successor');
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
