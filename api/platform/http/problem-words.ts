/**
 * What problems say: messages of the problems catalogue
 * (i18n/catalogue/problems/, keys `problems_…`) with their values, kept as
 * key and values until the response is written, then rendered in the
 * reader's language (reader-language.ts) by the same Paraglide message
 * functions the web calls. A key that is not in the catalogue, or a message
 * without its values, does not compile.
 */
import { BASE_LOCALE, LOCALES, type Locale } from '../../../i18n/locales.js';
import { m } from '../../../i18n/paraglide-server/messages.js';

type Messages = typeof m;
/** a message of the problems catalogue */
export type ProblemKey = Extract<keyof Messages, `problems_${string}`>;
type ParamsOf<K extends ProblemKey> = NonNullable<Parameters<Messages[K]>[0]>;

/**
 * a message with its values: what a problem or a field error says. One shape
 * for every message (a union of one shape per key, 600 of them, made the type
 * checker give up comparing field-error lists); `words(key, values)` is where
 * a key's values are checked.
 */
export type Words = { key: ProblemKey; params: Record<string, unknown> };

/** a key and its values as arguments: the values may be left out only when the message has none */
export type Say = { [K in ProblemKey]: {} extends ParamsOf<K> ? [key: K, params?: ParamsOf<K>] : [key: K, params: ParamsOf<K>] }[ProblemKey];

/** A field error before it is written: the field's path and its words. */
export type FieldProblem = { path: string } & Words;

export function words(...[key, params]: Say): Words {
  return { key, params: params ?? {} } as Words;
}

/** A schema's own message as a catalogue key (`.min(1, says('problems_field_required'))`): validation.ts renders it in the reader's language. */
export function says(key: ProblemKey, params?: Record<string, unknown>): { error: ProblemKey; params?: Record<string, unknown> } {
  return params ? { error: key, params } : { error: key };
}

export function isProblemKey(value: string): value is ProblemKey {
  return value.startsWith('problems_') && typeof (m as Record<string, unknown>)[value] === 'function';
}

/**
 * A value written by a library in each language (zxcvbn's warnings): passed
 * as a message's parameter, the reader's language is taken when the message
 * is rendered.
 */
export type InEachLanguage = { readonly inEachLanguage: Readonly<Record<Locale, string>> };

function inLanguage(value: unknown, locale: Locale): unknown {
  return value && typeof value === 'object' && 'inEachLanguage' in value ? (value as InEachLanguage).inEachLanguage[locale] : value;
}

/** A value written by `write` in each language, taken in the reader's when the message it is passed to is rendered. */
export function eachLanguage(write: (locale: Locale) => string): InEachLanguage {
  return { inEachLanguage: Object.fromEntries(LOCALES.map((locale) => [locale, write(locale)])) as Record<Locale, string> };
}

/** The values as a reader in `locale` gets them beside the words (`params`): a value written in each language in theirs. */
export function paramsIn(said: Words, locale: Locale): Record<string, unknown> {
  return Object.fromEntries(Object.entries(said.params).map(([name, value]) => [name, inLanguage(value, locale)]));
}

/** The message in a language. */
export function render(said: Words, locale: Locale = BASE_LOCALE): string {
  return (m[said.key] as (params: unknown, options: { locale: Locale }) => string)(paramsIn(said, locale), { locale });
}

/** Words as an API answer carries them: the message's key and values, and the message in the reader's language. */
export function written(said: Words, locale: Locale): { code: ProblemKey; params: Record<string, unknown>; message: string } {
  return { code: said.key, params: paramsIn(said, locale), message: render(said, locale) };
}

/** What a 404 or an unknown reference can be about: each has its own sentence ("No work plan with this id."), the words differ by gender. */
const THINGS = {
  resource: 'problems_notFound_resource',
  record: 'problems_notFound_record',
  'access token': 'problems_notFound_accessToken',
  activity: 'problems_notFound_activity',
  'adopted revision': 'problems_notFound_adoptedRevision',
  'agenda item': 'problems_notFound_agendaItem',
  assessment: 'problems_notFound_assessment',
  budget: 'problems_notFound_budget',
  'calendar feed': 'problems_notFound_calendarFeed',
  call: 'problems_notFound_call',
  'consortium member': 'problems_notFound_consortiumMember',
  'cooperation domain': 'problems_notFound_cooperationDomain',
  'cost item': 'problems_notFound_costItem',
  cost: 'problems_notFound_costItem',
  evaluation: 'problems_notFound_evaluation',
  feedback: 'problems_notFound_feedback',
  'inform log entry': 'problems_notFound_informLogEntry',
  interaction: 'problems_notFound_interaction',
  invitation: 'problems_notFound_invitation',
  milestone: 'problems_notFound_milestone',
  notification: 'problems_notFound_notification',
  organisation: 'problems_notFound_organisation',
  outcome: 'problems_notFound_outcome',
  participant: 'problems_notFound_participant',
  partnership: 'problems_notFound_partnership',
  person: 'problems_notFound_person',
  programme: 'problems_notFound_programme',
  proposal: 'problems_notFound_proposal',
  region: 'problems_notFound_region',
  'saved search': 'problems_notFound_savedSearch',
  'scoring matrix': 'problems_notFound_scoringMatrix',
  scoring_matrix: 'problems_notFound_scoringMatrix',
  section: 'problems_notFound_section',
  task: 'problems_notFound_task',
  user: 'problems_notFound_user',
  'work plan': 'problems_notFound_workPlan',
  work_plan: 'problems_notFound_workPlan',
  'work plan item': 'problems_notFound_workPlanItem'
} as const satisfies Record<string, ProblemKey>;

export type Thing = keyof typeof THINGS;

export function isThing(what: string): what is Thing {
  return Object.hasOwn(THINGS, what);
}

/** "No <thing> with this id." */
export function notFoundWords(what: Thing): Words {
  return { key: THINGS[what], params: {} } as Words;
}
