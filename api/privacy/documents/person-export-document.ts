/**
 * The person's export as a readable Word document: the same contents as the
 * JSON export (services/person-export.ts), one table per part, in the
 * language asked for (`?lang=en|de|nl`) or else the reader's account
 * language, from the catalogue's `documents_personExport_*` words; days,
 * times, languages and domains in that language (Intl, the domain's own
 * labels). Audit snapshots are summarised as the fields that changed (the
 * JSON file holds them whole).
 */
import { TAGS, type Locale } from '../../../i18n/locales.js';
import { m as words } from '../../../i18n/paraglide-server/messages.js';
import type { PersonExport } from '../schemas/person-rights.js';
import { heading, labelled, note, pack, table, title, type Block, type WordFile } from '../../platform/index.js';
import { LAWFUL_BASES } from './processing-record-document.js';

type Words = (inputs: { [name: string]: never }, options: { locale: Locale }) => string;

const CONSENT_EVENTS: { [event in PersonExport['consent']['events'][number]['event']]: Words } = {
  given: words.documents_personExport_events_given,
  withdrawn: words.documents_personExport_events_withdrawn
};

/** The values the export holds as codes (open strings in the export's schema): words where the catalogue has them, else the code. */
const KINDS: { [kind: string]: Words } = {
  note: words.documents_personExport_kinds_note,
  call: words.documents_personExport_kinds_call,
  email: words.documents_personExport_kinds_email,
  meeting: words.documents_personExport_kinds_meeting
};

const ROLES: { [role: string]: Words } = {
  delegate: words.documents_personExport_roles_delegate,
  host: words.documents_personExport_roles_host,
  speaker: words.documents_personExport_roles_speaker,
  organiser: words.documents_personExport_roles_organiser,
  guest: words.documents_personExport_roles_guest
};

const ATTENDANCES: { [attendance: string]: Words } = {
  invited: words.documents_personExport_attendances_invited,
  confirmed: words.documents_personExport_attendances_confirmed,
  attended: words.documents_personExport_attendances_attended,
  excused: words.documents_personExport_attendances_excused,
  no_show: words.documents_personExport_attendances_no_show
};

const TASK_STATUSES: { [status: string]: Words } = {
  open: words.documents_personExport_taskStatus_open,
  done: words.documents_personExport_taskStatus_done,
  cancelled: words.documents_personExport_taskStatus_cancelled
};

const ITEM_STATUSES: { [status: string]: Words } = {
  planned: words.documents_personExport_itemStatus_planned,
  in_progress: words.documents_personExport_itemStatus_in_progress,
  done: words.documents_personExport_itemStatus_done,
  dropped: words.documents_personExport_itemStatus_dropped
};

/** The audit trail's actions and the records whose events name a person (person-export.ts). */
const ACTIONS: { [action: string]: Words } = {
  create: words.documents_personExport_actions_create,
  update: words.documents_personExport_actions_update,
  delete: words.documents_personExport_actions_delete,
  exported: words.documents_personExport_actions_exported,
  erased: words.documents_personExport_actions_erased
};

const RECORDS: { [entityType: string]: Words } = {
  person: words.documents_personExport_records_person,
  organisation: words.documents_personExport_records_organisation,
  interaction: words.documents_personExport_records_interaction,
  activity: words.documents_personExport_records_activity,
  task: words.documents_personExport_records_task,
  feedback: words.documents_personExport_records_feedback,
  partnership: words.documents_personExport_records_partnership,
  work_plan_item: words.documents_personExport_records_work_plan_item
};

const orDash = (text: string | null | undefined) => (text === null || text === undefined || text === '' ? '—' : text);

/** The fields an audit event changed (or held, for a create or delete). */
function fieldsOf(before: unknown, after: unknown): string {
  const keys = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const all = [...new Set([...keys(before), ...keys(after)])].filter((k) => !['version', 'updatedAt', 'createdAt', 'id'].includes(k));
  return all.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).join(', ');
}

export async function personExportDocument(data: PersonExport, lang: Locale): Promise<WordFile> {
  const o = { locale: lang };
  const say = (message: Words) => message({}, o);
  /** a code's words, or the code where the catalogue has none */
  const sayCode = (table: { [code: string]: Words }, code: string) => (table[code] ? say(table[code]) : code);
  const tag = TAGS[lang];
  const days = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const minutes = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const languageNames = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' });
  /** "7 Dec 2026", "07.12.2026", "7 dec 2026"; a calendar day as it is */
  const day = (iso: string | null) => (iso ? days.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—');
  /** "7 Dec 2026, 10:00 UTC" */
  const minute = (iso: string) => `${minutes.format(new Date(iso))} UTC`;

  const h = {
    when: say(words.documents_personExport_when),
    who: say(words.documents_personExport_who),
    organisation: say(words.documents_personExport_organisation),
    lawfulBasis: say(words.documents_personExport_lawfulBasis),
    consentDate: say(words.documents_personExport_consentDate),
    consentSource: say(words.documents_personExport_consentSource),
    activity: say(words.documents_personExport_activity),
    task: say(words.documents_personExport_task),
    status: say(words.documents_personExport_status),
    partnership: say(words.documents_personExport_partnership)
  };
  const part = (label: Words, header: string[], rows: string[][], shares: number[]): Block[] => [
    heading(say(label)),
    rows.length ? table(header.map((text) => [text]), rows, shares) : note(say(words.documents_personExport_none))
  ];

  const p = data.person;
  const documentTitle = words.documents_personExport_title({ name: p.name }, o);
  const blocks: Block[] = [
    title(documentTitle),
    labelled(say(words.documents_personExport_exported), words.documents_personExport_exportedBy({ at: minute(data.exportedAt), name: data.exportedBy.name }, o)),
    heading(say(words.documents_personExport_record)),
    labelled(say(words.documents_personExport_name), p.name),
    labelled(h.organisation, orDash(p.organisationName)),
    labelled(say(words.documents_personExport_function), orDash(p.function)),
    labelled(say(words.documents_personExport_emails), p.emails.join(', ') || '—'),
    labelled(say(words.documents_personExport_phones), p.phones.join(', ') || '—'),
    labelled(say(words.documents_personExport_languages), p.languages.map((code) => languageNames.of(code) ?? code).join(', ') || '—'),
    labelled(say(words.documents_personExport_domains), p.domains.map((d) => d.labels[lang]).join(', ') || '—'),
    labelled(say(words.documents_personExport_createdAt), minute(p.createdAt)),
    labelled(say(words.documents_personExport_updatedAt), minute(p.updatedAt)),
    heading(say(words.documents_personExport_consent)),
    labelled(h.lawfulBasis, say(LAWFUL_BASES[data.consent.current.lawfulBasis])),
    labelled(h.consentDate, day(data.consent.current.consentDate)),
    labelled(h.consentSource, orDash(data.consent.current.consentSource)),
    table(
      [[h.when], [h.lawfulBasis], [h.consentDate], [h.consentSource], [h.who]],
      data.consent.history.map((c) => [minute(c.at), say(LAWFUL_BASES[c.lawfulBasis]), day(c.consentDate), orDash(c.consentSource), orDash(c.by)]),
      [22, 18, 16, 26, 18]
    ),
    ...part(
      words.documents_personExport_consentEvents,
      [h.when, say(words.documents_personExport_event), say(words.documents_personExport_how), h.who],
      data.consent.events.map((e) => [day(e.onDate), say(CONSENT_EVENTS[e.event]), e.how, orDash(e.by)]),
      [18, 16, 46, 20]
    ),
    ...part(
      words.documents_personExport_keptAfterReview,
      [h.when, say(words.documents_personExport_reason), h.who],
      data.keptAfterReview.map((k) => [minute(k.decidedAt), k.reason, orDash(k.by)]),
      [22, 58, 20]
    ),
    ...part(
      words.documents_personExport_interactions,
      [h.when, say(words.documents_personExport_kind), say(words.documents_personExport_summary), h.organisation, h.who],
      data.interactions.map((i) => [day(i.occurredAt), sayCode(KINDS, i.kind), i.summary, orDash(i.organisationName), orDash(i.authorName)]),
      [14, 12, 44, 16, 14]
    ),
    ...part(
      words.documents_personExport_participations,
      [h.when, h.activity, say(words.documents_personExport_role), say(words.documents_personExport_attendance), h.organisation],
      data.participations.map((x) => [day(x.startsAt), `${x.activityTitle}${x.city ? ` (${x.city})` : ''}`, sayCode(ROLES, x.role), sayCode(ATTENDANCES, x.attendance), orDash(x.organisationName)]),
      [14, 38, 14, 14, 20]
    ),
    ...part(
      words.documents_personExport_feedback,
      [h.activity, say(words.documents_personExport_rating), say(words.documents_personExport_comment), h.when],
      data.feedback.map((f) => [f.activityTitle, f.rating === null ? '—' : f.rating.toLocaleString(tag), orDash(f.comment), day(f.answeredAt)]),
      [30, 10, 45, 15]
    ),
    ...part(
      words.documents_personExport_tasks,
      [h.task, say(words.documents_personExport_due), h.status, h.who],
      data.tasks.map((t) => [t.description ? `${t.title}\n${t.description}` : t.title, day(t.dueOn), sayCode(TASK_STATUSES, t.status), orDash(t.ownerName)]),
      [50, 15, 15, 20]
    ),
    ...part(
      words.documents_personExport_workPlanItems,
      [h.partnership, h.when, h.task, h.status],
      data.workPlanItems.map((w) => [w.partnershipTitle, String(w.year), w.title, sayCode(ITEM_STATUSES, w.status)]),
      [30, 10, 45, 15]
    ),
    ...part(words.documents_personExport_contactPersonOf, [h.partnership, h.organisation], data.contactPersonOf.map((c) => [c.partnershipTitle, c.organisationName]), [55, 45]),
    ...part(
      words.documents_personExport_audit,
      [h.when, say(words.documents_personExport_record), say(words.documents_personExport_action), h.who, say(words.documents_personExport_fields)],
      data.auditEvents.map((e) => [minute(e.at), sayCode(RECORDS, e.entityType), sayCode(ACTIONS, e.action), e.actor?.name ?? '—', fieldsOf(e.before, e.after) || '—']),
      [20, 14, 12, 16, 38]
    ),
    ...part(words.documents_personExport_accessLog, [h.when, h.who], data.accessLog.map((r) => [minute(r.at), `${r.user.name} <${r.user.email}>`]), [30, 70]),
    ...part(
      words.documents_personExport_changedBy,
      [h.who, say(words.documents_personExport_changes), say(words.documents_personExport_last)],
      data.changedBy.map((c) => [c.name, c.changes.toLocaleString(tag), minute(c.lastAt)]),
      [50, 20, 30]
    )
  ];
  const body = await pack(documentTitle, blocks);
  return { filename: `${exportFilename(p.name, new Date(data.exportedAt), say(words.documents_personExport_file))}.docx`, body };
}

/**
 * "personal-data-Anna-Schmidt-2026-12-07" (ASCII), the name of both export
 * files without extension; the Word file's first word in its language
 * ("persoonsgegevens-…").
 */
export function exportFilename(name: string, at = new Date(), what = 'personal-data'): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${what}-${ascii || 'person'}-${at.toISOString().slice(0, 10)}`;
}
