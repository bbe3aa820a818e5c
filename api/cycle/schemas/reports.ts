/**
 * The words of the work plan and evaluation documents (DOCX and the print
 * pages): which headings and value labels they have, and how they are put
 * side by side. A document shows each heading in the partnership's
 * languages ("Arbeitsplan 2027 | Jaarplan 2027"), as the agreement does; a
 * language without words of its own reads as English.
 *
 * The words themselves are the catalogue's `documents` feature
 * (i18n/catalogue/documents/), each a typed message function called with
 * the language wanted. This module imports no compile of the catalogue: the
 * API hands it its own (api/cycle/schemas/document-words.ts, from
 * i18n/paraglide-server) and the web's print pages theirs
 * (web/lib/reports/document-words.ts, from i18n/paraglide), each a table
 * typed `DocumentWords`, so a heading without a message fails the type
 * check and a page ships only these words.
 *
 * Shared by api/cycle/documents/ and the web's print pages, so both say
 * the same thing.
 */

/** The languages the document headings exist in. */
export const REPORT_LANGUAGES = ['en', 'de', 'nl'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The headings that stand on their own (`documents_<key>`). */
export const HEADING_KEYS = [
  'workPlan',
  'workPlanFile',
  'evaluation',
  'evaluationFile',
  'partnership',
  'parties',
  'status',
  'revision',
  'adoptedAt',
  'proposedAt',
  'introduction',
  'items',
  'overview',
  'noItems',
  'number',
  'title',
  'domain',
  'form',
  'responsible',
  'target',
  'indicator',
  'targetValue',
  'description',
  'activities',
  'proposals',
  'quarter',
  'approvals',
  'party',
  'approvedBy',
  'approvedAt',
  'notApproved',
  'figures',
  'figuresFrozen',
  'figuresLive',
  'figure',
  'value',
  'count',
  'share',
  'total',
  'none',
  'activitiesHeld',
  'activitiesByType',
  'activitiesByDomain',
  'activitiesByHostRegion',
  'political',
  'participants',
  'participantsByKind',
  'participantsByRegion',
  'organisations',
  'organisationsByKind',
  'organisationsByRegion',
  'feedback',
  'feedbackResponses',
  'followUps',
  'costs',
  'budget',
  'costShare',
  'proposalsTotal',
  'proposalsByStage',
  'proposalsByProgramme',
  'approvalRate',
  'assessments',
  'noAssessments',
  'rating',
  'comment',
  'sections'
] as const;

/** The values labelled by group (`documents_<group>_<value>`). */
export const LABEL_GROUPS = {
  documentStatus: ['draft', 'proposed', 'adopted'],
  itemStatus: ['planned', 'in_progress', 'done', 'dropped'],
  ratingValue: ['achieved', 'partly', 'not_achieved', 'dropped'],
  section: ['results', 'challenges', 'recommendations', 'next_steps'],
  formValue: ['delegation_trips', 'conferences', 'matchmaking', 'business_settlement', 'knowhow_exchange', 'joint_eu_positions', 'actor_support', 'third_partner_support'],
  activityType: ['delegation_trip', 'expert_exchange', 'conference', 'matchmaking_event', 'joint_eu_event', 'administrative_visit', 'political_visit', 'meeting', 'workshop'],
  stage: ['idea', 'exploring', 'in_preparation', 'submitted', 'approved', 'rejected', 'withdrawn', 'running', 'closed'],
  organisationKind: ['regional_authority', 'municipality', 'county', 'agency', 'university_research', 'company', 'cluster_intermediary', 'ngo', 'network'],
  noValue: ['hostRegion', 'region', 'organisation', 'programme']
} as const;

type HeadingKey = (typeof HEADING_KEYS)[number];
type LabelGroup = keyof typeof LABEL_GROUPS;

/** A message of the `documents` feature: `{year}` and `{quarter}` are the only values its headings take. */
export type DocumentMessage = (inputs: { year: number; quarter: number }, options: { locale: ReportLanguage }) => string;

/** Every word of the documents, as message functions of one compile of the catalogue. */
export type DocumentWords = Record<HeadingKey, DocumentMessage> & { [G in LabelGroup]: Record<(typeof LABEL_GROUPS)[G][number], DocumentMessage> };

/** A dotted key into the words, e.g. `items` or `stage.approved`. */
export type ReportLabelKey = HeadingKey | { [G in LabelGroup]: `${G}.${(typeof LABEL_GROUPS)[G][number]}` }[LabelGroup];

function isReportLanguage(code: string): code is ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(code);
}

/**
 * The languages a document's headings are shown in, from the partnership's
 * languages in party order: each one with words as itself, any other as
 * English, without repeats; English when none is given.
 * `["de", "nl"]` → `["de", "nl"]`; `["fr", "nl"]` → `["en", "nl"]`.
 */
export function reportLanguages(languages: readonly string[]): ReportLanguage[] {
  const out: ReportLanguage[] = [];
  for (const language of languages) {
    const code = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const chosen = isReportLanguage(code) ? code : 'en';
    if (!out.includes(chosen)) out.push(chosen);
  }
  return out.length ? out : ['en'];
}

function messageOf(words: DocumentWords, key: string): DocumentMessage | undefined {
  const [group, value] = key.split('.') as [string, string | undefined];
  if (value === undefined) return Object.hasOwn(words, group) && typeof words[group as HeadingKey] === 'function' ? words[group as HeadingKey] : undefined;
  if (!Object.hasOwn(LABEL_GROUPS, group)) return undefined;
  const table = words[group as LabelGroup] as Record<string, DocumentMessage>;
  return Object.hasOwn(table, value) ? table[value] : undefined;
}

/** The label of `key` in `group` in every report language (English, German, Dutch), undefined for an unknown key. */
export function labelsIn(words: DocumentWords, group: LabelGroup, key: string): { en: string; de: string; nl: string } | undefined {
  const message = messageOf(words, `${group}.${key}`);
  if (!message) return undefined;
  const say = (locale: ReportLanguage) => message({} as { year: number; quarter: number }, { locale });
  return { en: say('en'), de: say('de'), nl: say('nl') };
}

export interface ReportHeadings {
  languages: ReportLanguage[];
  /** the compile of the catalogue the words come from */
  words: DocumentWords;
  /** the label in each language, in order, repeats removed ("Status" once, not "Status | Status") */
  each: (key: ReportLabelKey, values?: { year?: number; quarter?: number }) => string[];
  /** the labels side by side: "Arbeitsplan 2027 | Jaarplan 2027" */
  both: (key: ReportLabelKey, values?: { year?: number; quarter?: number }) => string;
  /** a value's label (a status, a stage) side by side, or the fallback when the key has none */
  value: (group: Exclude<LabelGroup, 'noValue'>, key: string, fallback?: string) => string;
}

export const SIDE_BY_SIDE = ' | ';

/** Headings in the partnership's languages (see `reportLanguages`), worded by `words`. */
export function headingsIn(words: DocumentWords, partnershipLanguages: readonly string[]): ReportHeadings {
  const languages = reportLanguages(partnershipLanguages);
  const each = (key: string, values?: { year?: number; quarter?: number }) => {
    const message = messageOf(words, key);
    if (!message) return [key];
    const out: string[] = [];
    for (const language of languages) {
      const text = message((values ?? {}) as { year: number; quarter: number }, { locale: language });
      if (!out.includes(text)) out.push(text);
    }
    return out;
  };
  return {
    languages,
    words,
    each,
    both: (key, values) => each(key, values).join(SIDE_BY_SIDE),
    value: (group, key, fallback) => {
      if (!messageOf(words, `${group}.${key}`)) return fallback ?? key;
      return each(`${group}.${key}`).join(' / ');
    }
  };
}
