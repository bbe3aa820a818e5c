/**
 * The words of the annual cycle's tasks (cycle-steps.ts) in their owner's
 * language (users.locale, 'de' or 'en'; English otherwise): the title, the
 * description saying what the agreement asks and why this person receives
 * the task, and the result written when a run closes a task because its step
 * is done. Titles and descriptions name no year: completing a task makes the
 * next year's with the same words.
 */
import type { CycleStepKind } from '../schemas/cycle.js';

export type TaskLanguage = 'en' | 'de';
export type OwnerBasis = 'contact_person' | 'contact_person_by_name' | 'contact_without_account' | 'no_contact_person';

export interface OwnerFacts {
  basis: OwnerBasis;
  organisationName: string;
  contactPersonName: string | null;
}

export function languageOf(locale: string | null | undefined): TaskLanguage {
  return locale === 'de' ? 'de' : 'en';
}

function monthWord(language: TaskLanguage, month: number): string {
  return new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

const WORDS = {
  en: {
    title: { evaluation: 'Evaluate the year together', work_plan: 'Draft next year’s joint work plan', both: 'Evaluate the year and draft next year’s joint work plan' },
    evaluation: (month: string) => `By the end of ${month}, the parties evaluate the year together and approve the evaluation (Article 2.5 of the agreement).`,
    work_plan: (month: string) => `By the end of ${month}, the parties draft the joint work plan for the next year and propose it to each other for approval (Article 2.5 of the agreement).`,
    why: {
      contact_person: (o: OwnerFacts) => `You receive this task because the agreement names you as the contact person of ${o.organisationName}.`,
      contact_person_by_name: (o: OwnerFacts) => `You receive this task because the agreement names you (${o.contactPersonName ?? ''}) as the contact person of ${o.organisationName}.`,
      contact_without_account: (o: OwnerFacts) =>
        `You receive this task as an admin or officer of ${o.organisationName}: the agreement names ${o.contactPersonName ?? 'someone'} as its contact person, who has no account in this partnership.`,
      no_contact_person: (o: OwnerFacts) => `You receive this task as an admin or officer of ${o.organisationName}: the agreement names no contact person for ${o.organisationName}.`
    },
    closed: { evaluation: (year: number) => `the evaluation of ${year} is adopted`, work_plan: (year: number) => `the work plan for ${year} has been proposed to the parties` },
    closedBy: (reasons: string) => `Closed by RegioDesk: ${reasons}.`
  },
  de: {
    title: {
      evaluation: 'Das Jahr gemeinsam evaluieren',
      work_plan: 'Den gemeinsamen Arbeitsplan für das nächste Jahr entwerfen',
      both: 'Das Jahr evaluieren und den gemeinsamen Arbeitsplan für das nächste Jahr entwerfen'
    },
    evaluation: (month: string) => `Bis Ende ${month} evaluieren die Parteien gemeinsam das Jahr und stimmen der Evaluierung zu (Artikel 2.5 der Vereinbarung).`,
    work_plan: (month: string) => `Bis Ende ${month} entwerfen die Parteien den gemeinsamen Arbeitsplan für das nächste Jahr und legen ihn einander zur Zustimmung vor (Artikel 2.5 der Vereinbarung).`,
    why: {
      contact_person: (o: OwnerFacts) => `Sie erhalten diese Aufgabe, weil die Vereinbarung Sie als Ansprechperson von ${o.organisationName} nennt.`,
      contact_person_by_name: (o: OwnerFacts) => `Sie erhalten diese Aufgabe, weil die Vereinbarung Sie (${o.contactPersonName ?? ''}) als Ansprechperson von ${o.organisationName} nennt.`,
      contact_without_account: (o: OwnerFacts) =>
        `Sie erhalten diese Aufgabe als Administration oder Referent:in von ${o.organisationName}: die Vereinbarung nennt ${o.contactPersonName ?? 'jemanden'} als Ansprechperson, die in dieser Partnerschaft kein Konto hat.`,
      no_contact_person: (o: OwnerFacts) => `Sie erhalten diese Aufgabe als Administration oder Referent:in von ${o.organisationName}: die Vereinbarung nennt für ${o.organisationName} keine Ansprechperson.`
    },
    closed: { evaluation: (year: number) => `die Evaluierung ${year} ist beschlossen`, work_plan: (year: number) => `der Arbeitsplan ${year} ist den Parteien vorgelegt` },
    closedBy: (reasons: string) => `Von RegioDesk erledigt: ${reasons}.`
  }
} as const;

/** Title and description of a task for the steps `kinds` (one, or both in the same month). */
export function taskText(
  kinds: CycleStepKind[],
  months: { evaluationMonth: number; workPlanMonth: number },
  partnershipTitle: string,
  owner: OwnerFacts,
  language: TaskLanguage = 'en'
): { title: string; description: string } {
  const w = WORDS[language];
  const title = `${w.title[kinds.length > 1 ? 'both' : kinds[0]!]} (${partnershipTitle})`;
  const lines = kinds.map((kind) => (kind === 'evaluation' ? w.evaluation(monthWord(language, months.evaluationMonth)) : w.work_plan(monthWord(language, months.workPlanMonth))));
  return { title, description: [...lines, w.why[owner.basis](owner)].join('\n') };
}

/** The result of a task a run closes because its steps are done, e.g. "Closed by RegioDesk: the evaluation of 2026 is adopted." */
export function closedResult(steps: { kind: CycleStepKind; subjectYear: number }[], language: TaskLanguage = 'en'): string {
  const w = WORDS[language];
  return w.closedBy(steps.map((s) => w.closed[s.kind](s.subjectYear)).join('; '));
}
