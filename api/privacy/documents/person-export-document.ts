/**
 * The person's export as a readable Word document: the same contents as the
 * JSON export (services/person-export.ts), headings in English and German
 * side by side, one table per part; audit snapshots are summarised as the
 * fields that changed (the JSON file holds them whole).
 */
import type { PersonExport } from '../schemas/person-rights.js';
import { heading, labelled, note, pack, table, title, type Block, type WordFile } from '../../platform/index.js';

const L = {
  title: ['Personal data held about', 'Gespeicherte personenbezogene Daten zu'],
  exported: ['Exported', 'Exportiert'],
  by: ['by', 'von'],
  record: ['Record', 'Datensatz'],
  name: ['Name', 'Name'],
  organisation: ['Organisation', 'Organisation'],
  function: ['Function', 'Funktion'],
  emails: ['Email addresses', 'E-Mail-Adressen'],
  phones: ['Phone numbers', 'Telefonnummern'],
  languages: ['Languages', 'Sprachen'],
  domains: ['Domains', 'Themenfelder'],
  createdAt: ['Recorded', 'Erfasst'],
  updatedAt: ['Last changed', 'Zuletzt geändert'],
  consent: ['Lawful basis and consent', 'Rechtsgrundlage und Einwilligung'],
  lawfulBasis: ['Lawful basis', 'Rechtsgrundlage'],
  consentDate: ['Consent given on', 'Einwilligung erteilt am'],
  consentSource: ['Consent given through', 'Einwilligung erteilt über'],
  consentEvents: ['Consent given and withdrawn', 'Einwilligung erteilt und widerrufen'],
  event: ['Event', 'Vorgang'],
  how: ['How', 'Wie'],
  keptAfterReview: ['Kept after the retention review', 'Nach der Aufbewahrungsprüfung behalten'],
  reason: ['Reason', 'Begründung'],
  when: ['When', 'Wann'],
  who: ['Who', 'Wer'],
  interactions: ['Interactions', 'Kontakte'],
  kind: ['Kind', 'Art'],
  summary: ['Summary', 'Zusammenfassung'],
  participations: ['Participation in activities', 'Teilnahme an Aktivitäten'],
  activity: ['Activity', 'Aktivität'],
  role: ['Role', 'Rolle'],
  attendance: ['Attendance', 'Anwesenheit'],
  feedback: ['Feedback given', 'Gegebenes Feedback'],
  rating: ['Rating', 'Bewertung'],
  comment: ['Comment', 'Kommentar'],
  tasks: ['Tasks about the person', 'Aufgaben zur Person'],
  task: ['Task', 'Aufgabe'],
  due: ['Due', 'Fällig'],
  status: ['Status', 'Status'],
  workPlanItems: ['Responsible for work plan items', 'Verantwortlich für Arbeitsplanpunkte'],
  contactPersonOf: ['Contact person of', 'Ansprechperson für'],
  partnership: ['Partnership', 'Partnerschaft'],
  audit: ['Audit events about the person', 'Protokolleinträge zur Person'],
  record_: ['Record', 'Datensatz'],
  action: ['Action', 'Aktion'],
  fields: ['Fields', 'Felder'],
  accessLog: ['Who viewed the record', 'Wer den Datensatz angesehen hat'],
  changedBy: ['Who created or changed the record', 'Wer den Datensatz angelegt oder geändert hat'],
  changes: ['Changes', 'Änderungen'],
  last: ['Last', 'Zuletzt'],
  none: ['None.', 'Keine.']
} satisfies Record<string, [string, string]>;

type Label = keyof typeof L;
const both = (label: Label) => `${L[label][0]} / ${L[label][1]}`;
const each = (label: Label) => [...L[label]];
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const orDash = (text: string | null | undefined) => (text === null || text === undefined || text === '' ? '—' : text);

function part(label: Label, header: Label[], rows: string[][], shares: number[]): Block[] {
  return [heading(both(label)), rows.length ? table(header.map(each), rows, shares) : note(both('none'))];
}

/** The fields an audit event changed (or held, for a create or delete). */
function fieldsOf(before: unknown, after: unknown): string {
  const keys = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const all = [...new Set([...keys(before), ...keys(after)])].filter((k) => !['version', 'updatedAt', 'createdAt', 'id'].includes(k));
  return all.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).join(', ');
}

export async function personExportDocument(data: PersonExport): Promise<WordFile> {
  const p = data.person;
  const blocks: Block[] = [
    title(`${both('title')}: ${p.name}`),
    labelled(both('exported'), `${minute(data.exportedAt)} ${L.by[0]}/${L.by[1]} ${data.exportedBy.name}`),
    heading(both('record')),
    labelled(both('name'), p.name),
    labelled(both('organisation'), orDash(p.organisationName)),
    labelled(both('function'), orDash(p.function)),
    labelled(both('emails'), p.emails.join(', ') || '—'),
    labelled(both('phones'), p.phones.join(', ') || '—'),
    labelled(both('languages'), p.languages.join(', ') || '—'),
    labelled(both('domains'), p.domains.map((d) => d.labels.en).join(', ') || '—'),
    labelled(both('createdAt'), minute(p.createdAt)),
    labelled(both('updatedAt'), minute(p.updatedAt)),
    heading(both('consent')),
    labelled(both('lawfulBasis'), data.consent.current.lawfulBasis),
    labelled(both('consentDate'), day(data.consent.current.consentDate)),
    labelled(both('consentSource'), orDash(data.consent.current.consentSource)),
    table(
      [each('when'), each('lawfulBasis'), each('consentDate'), each('consentSource'), each('who')],
      data.consent.history.map((h) => [minute(h.at), h.lawfulBasis, day(h.consentDate), orDash(h.consentSource), orDash(h.by)]),
      [22, 18, 16, 26, 18]
    ),
    ...part('consentEvents', ['when', 'event', 'how', 'who'], data.consent.events.map((e) => [day(e.onDate), e.event, e.how, orDash(e.by)]), [18, 16, 46, 20]),
    ...part('keptAfterReview', ['when', 'reason', 'who'], data.keptAfterReview.map((k) => [minute(k.decidedAt), k.reason, orDash(k.by)]), [22, 58, 20]),
    ...part('interactions', ['when', 'kind', 'summary', 'organisation', 'who'], data.interactions.map((i) => [day(i.occurredAt), i.kind, i.summary, orDash(i.organisationName), orDash(i.authorName)]), [14, 12, 44, 16, 14]),
    ...part('participations', ['when', 'activity', 'role', 'attendance', 'organisation'], data.participations.map((x) => [day(x.startsAt), `${x.activityTitle}${x.city ? ` (${x.city})` : ''}`, x.role, x.attendance, orDash(x.organisationName)]), [14, 38, 14, 14, 20]),
    ...part('feedback', ['activity', 'rating', 'comment', 'when'], data.feedback.map((f) => [f.activityTitle, f.rating === null ? '—' : String(f.rating), orDash(f.comment), day(f.answeredAt)]), [30, 10, 45, 15]),
    ...part('tasks', ['task', 'due', 'status', 'who'], data.tasks.map((t) => [t.description ? `${t.title}\n${t.description}` : t.title, t.dueOn, t.status, orDash(t.ownerName)]), [50, 15, 15, 20]),
    ...part('workPlanItems', ['partnership', 'when', 'task', 'status'], data.workPlanItems.map((w) => [w.partnershipTitle, String(w.year), w.title, w.status]), [30, 10, 45, 15]),
    ...part('contactPersonOf', ['partnership', 'organisation'], data.contactPersonOf.map((c) => [c.partnershipTitle, c.organisationName]), [55, 45]),
    ...part('audit', ['when', 'record_', 'action', 'who', 'fields'], data.auditEvents.map((e) => [minute(e.at), e.entityType, e.action, e.actor?.name ?? '—', fieldsOf(e.before, e.after) || '—']), [20, 14, 12, 16, 38]),
    ...part('accessLog', ['when', 'who'], data.accessLog.map((r) => [minute(r.at), `${r.user.name} <${r.user.email}>`]), [30, 70]),
    ...part('changedBy', ['who', 'changes', 'last'], data.changedBy.map((c) => [c.name, String(c.changes), minute(c.lastAt)]), [50, 20, 30])
  ];
  const body = await pack(`${L.title[0]}: ${p.name}`, blocks);
  return { filename: `${exportFilename(p.name, new Date(data.exportedAt))}.docx`, body };
}

/** "personal-data-Anna-Schmidt-2026-12-07" (ASCII), the name of both export files without extension. */
export function exportFilename(name: string, at = new Date()): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `personal-data-${ascii || 'person'}-${at.toISOString().slice(0, 10)}`;
}
