/**
 * An obligation's reason in words, in the reader's language, from its code,
 * state and facts (services/obligations.ts decides those; this only words
 * them): "1 of 2 administrative visits held in 2026; 1 more planned before
 * the year ends." The API answers it as `reason`, and the web shows that
 * sentence (web/lib/cycle/ObligationsPanel.svelte), so both say the same.
 * Days are written as the web writes them (i18n/formats.ts), months by name.
 */
import type { Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import { dayIn } from '../../platform/index.js';
import { DocumentStatus } from '../schemas/coediting.js';
import type { Obligation } from '../schemas/obligations.js';

export type ObligationFacts = Omit<Obligation, 'reason'>;
type Facts = Obligation['facts'];

const num = (facts: Facts, key: string) => Number(facts[key] ?? 0);
const str = (facts: Facts, key: string) => (facts[key] === null || facts[key] === undefined ? null : String(facts[key]));

/** A month by its number (1–12), as the language names it ("November", "november"). */
export function monthName(locale: Locale, month: number): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** Where an evaluation or work plan stands, from the obligation's facts (a document not yet started has none). */
function statusWords(status: string | null, locale: Locale): string {
  const known = DocumentStatus.safeParse(status);
  switch (known.success ? known.data : 'none') {
    case 'draft':
      return m.cycle_obligations_status_draft({}, { locale });
    case 'proposed':
      return m.cycle_obligations_status_proposed({}, { locale });
    case 'adopted':
      return m.cycle_obligations_status_adopted({}, { locale });
    default:
      return m.cycle_obligations_status_none({}, { locale });
  }
}

/** The reason of an obligation of `year`, in `locale`. */
export function obligationReason(o: ObligationFacts, year: number, locale: Locale): string {
  const f = o.facts;
  const day = (key: string) => dayIn(locale, str(f, key));
  const month = monthName(locale, num(f, 'month') || 1);
  const at = { locale };
  switch (o.code) {
    case 'visits': {
      const v = { held: num(f, 'held'), required: num(f, 'required'), planned: num(f, 'planned'), missing: num(f, 'required') - num(f, 'held') - num(f, 'planned'), year };
      let text: string;
      if (v.required === 0) text = m.cycle_obligations_visits_none({}, at);
      else if (v.held >= v.required) text = m.cycle_obligations_visits_met(v, at);
      else if (o.state === 'red') text = m.cycle_obligations_visits_missed(v, at);
      else if (v.missing <= 0) text = m.cycle_obligations_visits_planned(v, at);
      else text = m.cycle_obligations_visits_plan(v, at);
      const unconfirmed = num(f, 'unconfirmed');
      return unconfirmed && v.held < v.required ? `${text} ${m.cycle_obligations_visits_unconfirmed({ count: unconfirmed }, at)}` : text;
    }
    case 'evaluation': {
      const status = statusWords(str(f, 'status'), locale);
      if (str(f, 'adoptedOn')) {
        return o.state === 'green'
          ? m.cycle_obligations_evaluation_adopted({ year, date: day('adoptedOn') }, at)
          : m.cycle_obligations_evaluation_adoptedLate({ year, date: day('adoptedOn'), month: `${month} ${year}` }, at);
      }
      if (o.state === 'green') return m.cycle_obligations_evaluation_upcoming({ year, month, date: day('dueOn') }, at);
      if (o.state === 'amber') return m.cycle_obligations_evaluation_inMonth({ year, month, date: day('dueOn'), status }, at);
      return m.cycle_obligations_evaluation_overdue({ year, date: day('dueOn'), status }, at);
    }
    case 'work_plan': {
      const values = { planYear: num(f, 'planYear'), year, month, date: day('dueOn') };
      if (str(f, 'draftedOn')) {
        return o.state === 'green'
          ? m.cycle_obligations_workPlan_proposed({ ...values, date: day('draftedOn') }, at)
          : m.cycle_obligations_workPlan_proposedLate({ ...values, date: day('draftedOn') }, at);
      }
      if (o.state === 'green') return m.cycle_obligations_workPlan_upcoming(values, at);
      if (o.state === 'amber') return str(f, 'status') === null ? m.cycle_obligations_workPlan_start(values, at) : m.cycle_obligations_workPlan_proposeDraft(values, at);
      return m.cycle_obligations_workPlan_overdue({ ...values, status: statusWords(str(f, 'status'), locale) }, at);
    }
    case 'contact_persons':
      if (o.state === 'green') return m.cycle_obligations_contacts_named({ count: num(f, 'parties') }, at);
      if (num(f, 'parties') === 0) return m.cycle_obligations_contacts_noParties({}, at);
      return m.cycle_obligations_contacts_missing({ names: str(f, 'missing') ?? '' }, at);
    case 'first_to_inform':
      if (!f.applies) return m.cycle_obligations_firstToInform_off({}, at);
      if (num(f, 'flagged')) return m.cycle_obligations_firstToInform_flagged({ count: num(f, 'flagged'), acronyms: str(f, 'flaggedAcronyms') ?? '', year }, at);
      if (num(f, 'unlogged')) return m.firstToInform_obligationUnlogged({ count: num(f, 'unlogged'), acronyms: str(f, 'unloggedAcronyms') ?? '', year }, at);
      return num(f, 'checked') ? m.cycle_obligations_firstToInform_ok({ count: num(f, 'checked'), year }, at) : m.cycle_obligations_firstToInform_none({ year }, at);
    case 'agreement_end': {
      const date = day('effectiveEndOn');
      if (f.status === 'draft') return m.cycle_obligations_end_draft({}, at);
      if (!str(f, 'effectiveEndOn')) return m.cycle_obligations_end_open({}, at);
      if (f.status === 'ended') return f.renewed ? m.cycle_obligations_end_endedRenewed({ date }, at) : m.cycle_obligations_end_ended({ date }, at);
      if (f.status === 'in_notice') return m.cycle_obligations_end_inNotice({ sent: day('noticeSentOn'), date }, at);
      if (o.state === 'amber') return m.cycle_obligations_end_soon({ date, count: num(f, 'daysUntilEnd') }, at);
      return f.renewed ? m.cycle_obligations_end_inForceRenewed({ date }, at) : m.cycle_obligations_end_inForce({ date }, at);
    }
    case 'notice': {
      if (!str(f, 'lastNoticeDay')) return m.cycle_obligations_notice_none({}, at);
      if (str(f, 'noticeSentOn')) return m.cycle_obligations_notice_sent({ date: day('noticeSentOn') }, at);
      if (f.status === 'ended') return m.cycle_obligations_notice_ended({}, at);
      if (num(f, 'daysUntilLastNoticeDay') < 0) return m.cycle_obligations_notice_passed({ date: day('lastNoticeDay'), end: day('effectiveEndOn') }, at);
      if (o.state === 'amber') return m.cycle_obligations_notice_soon({ date: day('lastNoticeDay'), end: day('endsOn'), count: num(f, 'daysUntilLastNoticeDay') }, at);
      return m.cycle_obligations_notice_until({ date: day('lastNoticeDay') }, at);
    }
    case 'renewal': {
      if (!str(f, 'renewalDecisionDay')) return m.cycle_obligations_renewal_open({}, at);
      if (f.renewed) return m.cycle_obligations_renewal_done({}, at);
      if (f.status === 'ended') return m.cycle_obligations_renewal_ended({ date: day('effectiveEndOn') }, at);
      if (num(f, 'daysUntilRenewalDecision') < 0) return m.cycle_obligations_renewal_overdue({ date: day('renewalDecisionDay'), end: day('effectiveEndOn') }, at);
      if (o.state === 'amber') return m.cycle_obligations_renewal_soon({ date: day('renewalDecisionDay'), count: num(f, 'daysUntilRenewalDecision') }, at);
      return m.cycle_obligations_renewal_due({ date: day('renewalDecisionDay') }, at);
    }
  }
}

/** Each obligation with its reason in `locale`. */
export function obligationsIn<R extends { year: number; items: ObligationFacts[] }>(report: R, locale: Locale): Omit<R, 'items'> & { items: Obligation[] } {
  return { ...report, items: report.items.map((o) => ({ ...o, reason: obligationReason(o, report.year, locale) })) };
}
