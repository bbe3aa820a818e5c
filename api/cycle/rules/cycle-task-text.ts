/**
 * The words of the annual cycle's tasks (cycle-steps.ts) in their owner's
 * account language (users.locale; English for a value that is none), from
 * the catalogue's `serverTasks` feature: the title, the description saying
 * what the agreement asks and why this person receives the task, and the
 * result written when a run closes a task because its step is done. Titles
 * and descriptions name no year: completing a task makes the next year's
 * with the same words.
 */
import { TAGS, type Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';
import { accountLanguage } from '../../platform/index.js';
import type { CycleStepKind } from '../schemas/cycle.js';

export type TaskLanguage = Locale;
export type OwnerBasis = 'contact_person' | 'contact_person_by_name' | 'contact_without_account' | 'no_contact_person';

export interface OwnerFacts {
  basis: OwnerBasis;
  organisationName: string;
  contactPersonName: string | null;
}

export function languageOf(locale: string | null | undefined): TaskLanguage {
  return accountLanguage(locale);
}

function monthWord(language: TaskLanguage, month: number): string {
  return new Intl.DateTimeFormat(TAGS[language], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

function why(o: OwnerFacts, locale: Locale): string {
  const organisation = o.organisationName;
  switch (o.basis) {
    case 'contact_person':
      return m.serverTasks_whyContactPerson({ organisation }, { locale });
    case 'contact_person_by_name':
      return m.serverTasks_whyContactPersonByName({ organisation, contact: o.contactPersonName ?? '' }, { locale });
    case 'contact_without_account':
      return m.serverTasks_whyContactWithoutAccount({ organisation, contact: o.contactPersonName ?? m.serverTasks_someone({}, { locale }) }, { locale });
    case 'no_contact_person':
      return m.serverTasks_whyNoContactPerson({ organisation }, { locale });
  }
}

/** Title and description of a task for the steps `kinds` (one, or both in the same month). */
export function taskText(
  kinds: CycleStepKind[],
  months: { evaluationMonth: number; workPlanMonth: number },
  partnershipTitle: string,
  owner: OwnerFacts,
  language: TaskLanguage = 'en'
): { title: string; description: string } {
  const locale = language;
  const step = kinds.length > 1 ? m.serverTasks_cycleBoth({}, { locale }) : kinds[0] === 'evaluation' ? m.serverTasks_cycleEvaluation({}, { locale }) : m.serverTasks_cycleWorkPlan({}, { locale });
  const title = m.serverTasks_cycleTitle({ step, partnership: partnershipTitle }, { locale });
  const lines = kinds.map((kind) =>
    kind === 'evaluation'
      ? m.serverTasks_cycleEvaluationStep({ month: monthWord(language, months.evaluationMonth) }, { locale })
      : m.serverTasks_cycleWorkPlanStep({ month: monthWord(language, months.workPlanMonth) }, { locale })
  );
  return { title, description: [...lines, why(owner, locale)].join('\n') };
}

/** The result of a task a run closes because its steps are done, e.g. "Closed by RegioDesk: the evaluation of 2026 is adopted." */
export function closedResult(steps: { kind: CycleStepKind; subjectYear: number }[], language: TaskLanguage = 'en'): string {
  const locale = language;
  const reasons = steps.map((s) => (s.kind === 'evaluation' ? m.serverTasks_closedEvaluation({ year: s.subjectYear }, { locale }) : m.serverTasks_closedWorkPlan({ year: s.subjectYear }, { locale })));
  return m.serverTasks_closedBy({ reasons: reasons.join('; ') }, { locale });
}
