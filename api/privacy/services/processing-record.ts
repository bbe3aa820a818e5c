/**
 * The record of processing activities (GDPR Art. 30), for system
 * administrators and writers (viewers: 403), as data and as a Word file.
 *
 * Everything in it comes from the data model, the data and the settings:
 * - categories of people and of data: the tables and columns that hold
 *   personal data (only the columns the database really has), each with how
 *   many records hold it, counted over the whole workspace (figures only);
 * - purposes: each with how many records serve it;
 * - lawful bases: people per basis, how many have consent standing (kept
 *   on consent, not withdrawn) and how many withdrew it (their latest
 *   consent event);
 * - recipients: the parties (region, country, organisation) of the
 *   partnerships the reader may see — the partner regions data is shared with;
 * - retention: REGIODESK_RETENTION_MONTHS and how many people are due for review;
 * - measures: access per partnership role, argon2id passwords, session and
 *   sign-in limits, cookies, audit trail, mail transport, the single
 *   sign-on provider (a source of the accounts' data) — with the values
 *   the settings give them.
 */
import type { DB } from '../../../db/connection.js';
import * as repo from '../../../db/privacy/processing-record.js';
import { countDueForReview } from '../../../db/privacy/retention.js';
import type { Database } from '../../../db/schema.js';
import { Forbidden, isWriterSomewhere, type Caller, type Settings, type WordFile } from '../../platform/index.js';
import type { LawfulBasis } from '../../crm/schemas/people.js';
import { LawfulBasis as LawfulBases } from '../../crm/schemas/people.js';
import type { ProcessingRecord } from '../schemas/processing-record.js';
import { type ProcessingLanguage, processingRecordDocument } from '../documents/processing-record-document.js';
import { reviewCutoff } from './retention.js';

type DataCategoryKey = ProcessingRecord['categoriesOfData'][number]['key'];
type Figures = Awaited<ReturnType<typeof repo.processingFigures>>;

/** Where each category of personal data lives in the data model, and which figure counts its records. */
const DATA_CATEGORIES: { key: DataCategoryKey; table: keyof Database; columns: string[]; figure: keyof Figures }[] = [
  { key: 'identity', table: 'people', columns: ['name', 'function', 'organisation_id', 'languages'], figure: 'people' },
  { key: 'contact', table: 'people', columns: ['emails', 'phones'], figure: 'withEmail' },
  { key: 'interests', table: 'person_domains', columns: ['domain_id'], figure: 'withInterests' },
  { key: 'interactions', table: 'interactions', columns: ['kind', 'occurred_at', 'summary', 'author_id'], figure: 'interactions' },
  { key: 'participations', table: 'activity_participants', columns: ['role', 'attendance'], figure: 'participations' },
  { key: 'feedback', table: 'feedback_links', columns: ['rating', 'comment', 'answered_at'], figure: 'feedbackAnswers' },
  { key: 'consent', table: 'person_consents', columns: ['event', 'on_date', 'how', 'by_user_id'], figure: 'consentEvents' },
  { key: 'accounts', table: 'users', columns: ['name', 'email', 'password_hash', 'locale'], figure: 'users' },
  { key: 'audit', table: 'audit_events', columns: ['actor_id', 'before', 'after'], figure: 'auditEvents' }
];

export class ProcessingRecordService {
  constructor(
    private readonly db: DB,
    private readonly settings: Settings,
    private readonly clock: () => Date = () => new Date()
  ) {}

  async get(caller: Caller): Promise<ProcessingRecord> {
    if (!isWriterSomewhere(caller)) throw new Forbidden('problems_privacy_recordForAdminsAndWriters');
    const now = this.clock();
    const [figures, bases, consent, parties, dueForReview] = await Promise.all([
      repo.processingFigures(this.db),
      repo.peoplePerLawfulBasis(this.db),
      repo.consentStates(this.db),
      repo.partiesWithRegions(this.db, caller.isAdmin ? null : Object.keys(caller.roles)),
      countDueForReview(this.db, reviewCutoff(now, this.settings.retentionMonths))
    ]);
    const categoriesOfData = [];
    for (const category of DATA_CATEGORIES) {
      const columns = await repo.columnsOf(this.db, category.table);
      categoriesOfData.push({ key: category.key, fields: category.columns.filter((c) => columns.has(c)).map((c) => `${category.table}.${c}`), count: figures[category.figure] });
    }
    const recipients = new Map<string, ProcessingRecord['recipients'][number]>();
    for (const p of parties) {
      const entry = recipients.get(p.partnership_id) ?? { partnershipId: p.partnership_id, title: p.title, parties: [] };
      entry.parties.push({ region: p.region_name, country: p.country, organisation: p.organisation_name });
      recipients.set(p.partnership_id, entry);
    }
    const basisCount = new Map(bases.map((b) => [b.lawful_basis as LawfulBasis, Number(b.n)]));
    const s = this.settings;
    return {
      generatedAt: now.toISOString(),
      categoriesOfPeople: [
        { key: 'stakeholders', count: figures.people },
        { key: 'participants', count: figures.participants },
        { key: 'users', count: figures.users }
      ],
      categoriesOfData,
      purposes: [
        { key: 'cooperation', count: figures.partnerships },
        { key: 'activities', count: figures.activities },
        { key: 'funding', count: figures.proposals },
        { key: 'annualCycle', count: figures.workPlans },
        { key: 'accountability', count: figures.auditEvents }
      ],
      lawfulBases: LawfulBases.options.map((basis) => ({ basis, count: basisCount.get(basis) ?? 0 })),
      consent,
      recipients: [...recipients.values()],
      retention: { months: s.retentionMonths, dueForReview },
      measures: [
        { key: 'access', value: null },
        { key: 'passwords', value: 'argon2id' },
        { key: 'sessions', value: `${s.sessionIdleMinutes} min / ${s.sessionMaxDays} d` },
        { key: 'signInThrottle', value: `${s.maxFailuresPerAccount} / ${s.maxFailuresPerAddress} / ${s.throttleWindowMinutes} min` },
        { key: 'cookies', value: s.secureCookies ? 'Secure, HttpOnly' : 'HttpOnly' },
        { key: 'audit', value: String(figures.auditEvents) },
        { key: 'mailTransport', value: s.smtp ? (s.smtp.secure ? 'TLS' : 'STARTTLS') : null },
        // the identity provider is a source of the accounts' names and e-mail addresses
        { key: 'singleSignOn', value: s.oidc ? `${s.oidc.label} (${s.oidc.issuer})` : null },
        { key: 'retentionReview', value: String(s.retentionMonths) },
        { key: 'consentWithdrawal', value: null }
      ]
    };
  }

  /** In the language asked for, else the reader's account language. */
  async docx(caller: Caller, asked?: ProcessingLanguage): Promise<WordFile> {
    return processingRecordDocument(await this.get(caller), asked ?? caller.locale ?? 'en');
  }
}
