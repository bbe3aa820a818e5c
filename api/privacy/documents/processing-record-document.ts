/**
 * The record of processing activities (Art. 30) as a Word file in the
 * reader's language (`?lang=en|de|nl`, like the minutes; without it the
 * reader's account language): every section built from the record the
 * service generated, none of it fixed text but the catalogue's
 * `documents_processingRecord_*` words; numbers and the day by Intl in that
 * language.
 */
import type { ProcessingRecord } from '../schemas/processing-record.js';
import { TAGS, type Locale } from '../../../i18n/locales.js';
import { m as words } from '../../../i18n/paraglide-server/messages.js';
import { heading, labelled, pack, table, title, type WordFile } from '../../platform/index.js';

export type ProcessingLanguage = Locale;

type Record = ProcessingRecord;
type PersonCategory = Record['categoriesOfPeople'][number]['key'];
type DataCategory = Record['categoriesOfData'][number]['key'];
type Purpose = Record['purposes'][number]['key'];
type LawfulBasis = Record['lawfulBases'][number]['basis'];
type Measure = Record['measures'][number]['key'];
type Words = (inputs: { [name: string]: never }, options: { locale: Locale }) => string;

const PERSON_CATEGORIES: { [key in PersonCategory]: Words } = {
  stakeholders: words.documents_processingRecord_personCategories_stakeholders,
  participants: words.documents_processingRecord_personCategories_participants,
  users: words.documents_processingRecord_personCategories_users
};

const DATA_CATEGORIES: { [key in DataCategory]: Words } = {
  identity: words.documents_processingRecord_dataCategories_identity,
  contact: words.documents_processingRecord_dataCategories_contact,
  interests: words.documents_processingRecord_dataCategories_interests,
  interactions: words.documents_processingRecord_dataCategories_interactions,
  participations: words.documents_processingRecord_dataCategories_participations,
  feedback: words.documents_processingRecord_dataCategories_feedback,
  consent: words.documents_processingRecord_dataCategories_consent,
  accounts: words.documents_processingRecord_dataCategories_accounts,
  audit: words.documents_processingRecord_dataCategories_audit
};

const PURPOSES: { [key in Purpose]: Words } = {
  cooperation: words.documents_processingRecord_purposeLabels_cooperation,
  activities: words.documents_processingRecord_purposeLabels_activities,
  funding: words.documents_processingRecord_purposeLabels_funding,
  annualCycle: words.documents_processingRecord_purposeLabels_annualCycle,
  accountability: words.documents_processingRecord_purposeLabels_accountability
};

/** A lawful basis with its article of the GDPR; the person export words its bases with these too. */
export const LAWFUL_BASES: { [key in LawfulBasis]: Words } = {
  consent: words.documents_processingRecord_bases_consent,
  contract: words.documents_processingRecord_bases_contract,
  public_task: words.documents_processingRecord_bases_public_task,
  legitimate_interest: words.documents_processingRecord_bases_legitimate_interest
};

const MEASURES: { [key in Measure]: Words } = {
  access: words.documents_processingRecord_measureLabels_access,
  passwords: words.documents_processingRecord_measureLabels_passwords,
  sessions: words.documents_processingRecord_measureLabels_sessions,
  signInThrottle: words.documents_processingRecord_measureLabels_signInThrottle,
  cookies: words.documents_processingRecord_measureLabels_cookies,
  audit: words.documents_processingRecord_measureLabels_audit,
  mailTransport: words.documents_processingRecord_measureLabels_mailTransport,
  singleSignOn: words.documents_processingRecord_measureLabels_singleSignOn,
  retentionReview: words.documents_processingRecord_measureLabels_retentionReview,
  consentWithdrawal: words.documents_processingRecord_measureLabels_consentWithdrawal
};

export async function processingRecordDocument(record: Record, lang: ProcessingLanguage): Promise<WordFile> {
  const o = { locale: lang };
  const say = (message: Words) => message({}, o);
  const number = (n: number) => n.toLocaleString(TAGS[lang]);
  const day = new Intl.DateTimeFormat(TAGS[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(record.generatedAt));
  const category = say(words.documents_processingRecord_category);
  const count = say(words.documents_processingRecord_count);
  const records = say(words.documents_processingRecord_records);
  const recipients = say(words.documents_processingRecord_recipients);
  const documentTitle = say(words.documents_processingRecord_title);
  const blocks = [
    title(documentTitle),
    labelled(say(words.documents_processingRecord_generated), day),
    heading(say(words.documents_processingRecord_people)),
    table([[category], [count]], record.categoriesOfPeople.map((c) => [say(PERSON_CATEGORIES[c.key]), number(c.count)]), [3, 1]),
    heading(say(words.documents_processingRecord_data)),
    table([[category], [say(words.documents_processingRecord_fields)], [records]], record.categoriesOfData.map((c) => [say(DATA_CATEGORIES[c.key]), c.fields.join('\n'), number(c.count)]), [3, 3, 1]),
    heading(say(words.documents_processingRecord_purposes)),
    table([[category], [records]], record.purposes.map((p) => [say(PURPOSES[p.key]), number(p.count)]), [4, 1]),
    heading(say(words.documents_processingRecord_bases)),
    table(
      [[say(words.documents_processingRecord_basis)], [count]],
      [
        ...record.lawfulBases.map((b) => [say(LAWFUL_BASES[b.basis]), number(b.count)]),
        [say(words.documents_processingRecord_consentGiven), number(record.consent.given)],
        [say(words.documents_processingRecord_consentWithdrawn), number(record.consent.withdrawn)]
      ],
      [4, 1]
    ),
    heading(recipients),
    record.recipients.length
      ? table(
          [[say(words.documents_processingRecord_partnership)], [say(words.documents_processingRecord_region)], [say(words.documents_processingRecord_country)], [say(words.documents_processingRecord_organisation)]],
          record.recipients.flatMap((r) => r.parties.map((p, i) => [i === 0 ? r.title : '', p.region, p.country, p.organisation])),
          [3, 2, 1, 3]
        )
      : labelled(recipients, say(words.documents_processingRecord_noRecipients)),
    heading(say(words.documents_processingRecord_retention)),
    labelled(say(words.documents_processingRecord_reviewPeriod), words.documents_processingRecord_months({ months: record.retention.months }, o)),
    labelled(say(words.documents_processingRecord_due), number(record.retention.dueForReview)),
    heading(say(words.documents_processingRecord_measures)),
    table(
      [[category], [say(words.documents_processingRecord_setting)]],
      record.measures.map((m) => [say(MEASURES[m.key]), m.value ?? (m.key === 'mailTransport' || m.key === 'singleSignOn' ? say(words.documents_processingRecord_none) : '')]),
      [4, 2]
    )
  ];
  return { filename: `${say(words.documents_processingRecord_file)}-${record.generatedAt.slice(0, 10)}.docx`, body: await pack(documentTitle, blocks) };
}
