/**
 * Minutes of an activity (a meeting, a committee session, a workshop, or
 * any activity) as a Word document through the `docx` package:
 *
 * 1. the title, the date and the place, in the activity's own zone;
 * 2. the attendance list: name, institution, present / excused (from the
 *    participants' attendance; names the reader may not see stay hidden);
 * 3. the agenda, numbered, with presenter, discussion notes and decisions;
 * 4. the next steps: the tasks about the activity (not cancelled) with
 *    owner and due date;
 * 5. the next meeting's date.
 *
 * Anyone who sees the activity may read its minutes. English or German
 * (`?lang=de`), as the committees of the seeds write theirs in German.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection.js';
import { nextStepsOf } from '../../../db/activities/minutes.js';
import { listParticipants } from '../../../db/activities/participants.js';
import { listAgendaItems } from '../../../db/activities/agenda.js';
import { canSeePartnership, type Caller } from '../../platform/index.js';
import type { Participant } from '../schemas/participants.js';
import { reloadActivity } from './activities.js';
import { readableActivity } from './activity-access.js';
import { toParticipant, visibleTo } from './participants.js';

export type MinutesLanguage = 'en' | 'de';

const LABELS = {
  en: {
    minutes: 'Minutes',
    date: 'Date',
    place: 'Place',
    attendance: 'Attendance',
    name: 'Name',
    institution: 'Institution',
    presence: 'Present / excused',
    attendances: { attended: 'present', excused: 'excused', no_show: 'absent', invited: 'invited', confirmed: 'confirmed' },
    hidden: '(not visible to you)',
    noParticipants: 'No participants recorded.',
    agenda: 'Agenda',
    noAgenda: 'No agenda items recorded.',
    presenter: 'Presenter',
    notes: 'Discussion',
    decisions: 'Decisions',
    nextSteps: 'Next steps',
    noNextSteps: 'No next steps recorded.',
    step: 'What',
    owner: 'Who',
    due: 'By when',
    nextMeeting: 'Next meeting',
    notSet: 'not set yet',
    dateFormat: 'd MMMM yyyy'
  },
  de: {
    minutes: 'Protokoll',
    date: 'Datum',
    place: 'Ort',
    attendance: 'Anwesenheitsliste',
    name: 'Name',
    institution: 'Institution',
    presence: 'Anwesend / entschuldigt',
    attendances: { attended: 'anwesend', excused: 'entschuldigt', no_show: 'nicht erschienen', invited: 'eingeladen', confirmed: 'zugesagt' },
    hidden: '(für Sie nicht sichtbar)',
    noParticipants: 'Keine Teilnehmenden erfasst.',
    agenda: 'Tagesordnung',
    noAgenda: 'Keine Tagesordnungspunkte erfasst.',
    presenter: 'Vortrag',
    notes: 'Diskussion',
    decisions: 'Beschlüsse',
    nextSteps: 'Nächste Schritte',
    noNextSteps: 'Keine nächsten Schritte erfasst.',
    step: 'Was',
    owner: 'Wer',
    due: 'Bis wann',
    nextMeeting: 'Nächste Sitzung',
    notSet: 'noch offen',
    dateFormat: 'd. MMMM yyyy'
  }
} as const;

export interface MinutesDocument {
  filename: string;
  body: Uint8Array;
}

function when(instant: string, zone: string, lang: MinutesLanguage): DateTime {
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone).setLocale(lang);
}

/** "29 March 2026, 09:00–17:00" or "28 March 2026, 18:00 – 29 March 2026, 18:00", with the zone. */
export function dateLine(startsAt: string, endsAt: string, zone: string, lang: MinutesLanguage): string {
  const labels = LABELS[lang];
  const start = when(startsAt, zone, lang);
  const end = when(endsAt, zone, lang);
  const day = (d: DateTime) => d.toFormat(labels.dateFormat);
  const time = (d: DateTime) => d.toFormat('HH:mm');
  const span = start.hasSame(end, 'day') ? `${day(start)}, ${time(start)}–${time(end)}` : `${day(start)}, ${time(start)} – ${day(end)}, ${time(end)}`;
  return `${span} (${zone})`;
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): Paragraph {
  return new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
}

function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] });
}

/** Multi-line text as paragraphs, one per line. */
function lines(text: string): Paragraph[] {
  return text.split(/\r?\n/).map((line) => new Paragraph(line));
}

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((text) => cell(text)) }))]
  });
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'activity'
  );
}

export class MinutesService {
  constructor(private readonly db: DB) {}

  async docx(caller: Caller, activityId: string, lang: MinutesLanguage): Promise<MinutesDocument> {
    await readableActivity(this.db, caller, activityId);
    const labels = LABELS[lang];
    const activity = await reloadActivity(this.db, activityId, (id) => canSeePartnership(caller, id));
    const participantRows = await listParticipants(this.db, activityId);
    const visible = await visibleTo(this.db, caller, participantRows);
    const participants = participantRows.map((row) => toParticipant(row, visible));
    const agenda = await listAgendaItems(this.db, activityId);
    const steps = await nextStepsOf(this.db, activityId);
    const zone = activity.timeZone;
    const place = [activity.venue, activity.city, activity.country].filter((p) => p).join(', ');

    const nameOf = (p: Participant) => (p.personId ? (p.personName ?? labels.hidden) : (p.organisationName ?? labels.hidden));
    const institutionOf = (p: Participant) => (p.organisationId ? (p.organisationName ?? labels.hidden) : '');
    const attendanceRows = participants.map((p) => [nameOf(p), institutionOf(p), labels.attendances[p.attendance]]);

    const children: (Paragraph | Table)[] = [
      new Paragraph({ text: `${labels.minutes}: ${activity.title}`, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
      labelled(labels.date, dateLine(activity.startsAt, activity.endsAt, zone, lang)),
      ...(place ? [labelled(labels.place, place)] : []),
      heading(labels.attendance),
      attendanceRows.length ? table([labels.name, labels.institution, labels.presence], attendanceRows) : new Paragraph(labels.noParticipants),
      heading(labels.agenda)
    ];
    if (!agenda.length) children.push(new Paragraph(labels.noAgenda));
    for (const item of agenda) {
      const time = item.starts_at ? ` (${DateTime.fromISO(item.starts_at, { zone: 'UTC' }).setZone(zone).toFormat('HH:mm')})` : '';
      children.push(heading(`${item.position}. ${item.topic}${time}`, HeadingLevel.HEADING_2));
      if (item.presenter) children.push(labelled(labels.presenter, item.presenter));
      if (item.notes) children.push(new Paragraph({ children: [new TextRun({ text: labels.notes, bold: true })] }), ...lines(item.notes));
      if (item.decisions) children.push(new Paragraph({ children: [new TextRun({ text: labels.decisions, bold: true })] }), ...lines(item.decisions));
    }
    children.push(heading(labels.nextSteps));
    children.push(
      steps.length
        ? table(
            [labels.step, labels.owner, labels.due],
            steps.map((s) => [s.title, s.owner_name ?? '', DateTime.fromISO(s.due_on).setLocale(lang).toFormat(labels.dateFormat)])
          )
        : new Paragraph(labels.noNextSteps)
    );
    children.push(
      labelled(
        labels.nextMeeting,
        activity.nextMeetingAt ? `${when(activity.nextMeetingAt, zone, lang).toFormat(`${labels.dateFormat}, HH:mm`)} (${zone})` : labels.notSet
      )
    );

    const document = new Document({
      creator: 'RegioDesk',
      title: `${labels.minutes}: ${activity.title}`,
      sections: [{ children }]
    });
    const body = await Packer.toBuffer(document);
    return { filename: `${slug(labels.minutes)}-${slug(activity.title)}-${activity.local.startsAt.slice(0, 10)}.docx`, body };
  }
}
