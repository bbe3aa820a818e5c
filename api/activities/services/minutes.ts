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
 * Anyone who sees the activity may read its minutes. In the language asked
 * for (`?lang=de`, as the committees of the seeds write theirs in German;
 * `nl`), else the reader's account language: the catalogue's `documents`
 * feature (`documents_minutes_*`), days by Intl in that language.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { DateTime } from 'luxon';
import type { DB } from '../../../db/connection.js';
import { TAGS, type Locale } from '../../../i18n/locales.js';
import { m as words } from '../../../i18n/paraglide-server/messages.js';
import { nextStepsOf } from '../../../db/activities/minutes.js';
import { listParticipants } from '../../../db/activities/participants.js';
import { listAgendaItems } from '../../../db/activities/agenda.js';
import { canSeePartnership, type Caller } from '../../platform/index.js';
import type { Participant } from '../schemas/participants.js';
import { reloadActivity } from './activities.js';
import { readableActivity } from './activity-access.js';
import { toParticipant, visibleTo } from './participants.js';

export type MinutesLanguage = Locale;

type Words = (inputs: Record<string, never>, options: { locale: Locale }) => string;

/** How each attendance reads in the list. */
const ATTENDANCES: Record<Participant['attendance'], Words> = {
  attended: words.documents_minutes_attendances_attended,
  excused: words.documents_minutes_attendances_excused,
  no_show: words.documents_minutes_attendances_no_show,
  invited: words.documents_minutes_attendances_invited,
  confirmed: words.documents_minutes_attendances_confirmed
};

/** "24 November 2026", "24. November 2026", "24 november 2026" */
function dayIn(d: DateTime, lang: MinutesLanguage): string {
  return d.setLocale(TAGS[lang]).toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' });
}

export interface MinutesDocument {
  filename: string;
  body: Uint8Array;
}

function when(instant: string, zone: string, lang: MinutesLanguage): DateTime {
  return DateTime.fromISO(instant, { zone: 'UTC' }).setZone(zone).setLocale(lang);
}

/** "29 March 2026, 09:00–17:00" or "28 March 2026, 18:00 – 29 March 2026, 18:00", with the zone. */
export function dateLine(startsAt: string, endsAt: string, zone: string, lang: MinutesLanguage): string {
  const start = when(startsAt, zone, lang);
  const end = when(endsAt, zone, lang);
  const day = (d: DateTime) => dayIn(d, lang);
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

  async docx(caller: Caller, activityId: string, asked?: MinutesLanguage): Promise<MinutesDocument> {
    await readableActivity(this.db, caller, activityId);
    const lang = asked ?? caller.locale ?? 'en';
    const o = { locale: lang };
    const say = (message: Words) => message({}, o);
    const labels = {
      date: say(words.documents_minutes_date),
      place: say(words.documents_minutes_place),
      hidden: say(words.documents_minutes_hidden),
      presenter: say(words.documents_minutes_presenter)
    };
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
    const attendanceRows = participants.map((p) => [nameOf(p), institutionOf(p), say(ATTENDANCES[p.attendance])]);

    const children: (Paragraph | Table)[] = [
      new Paragraph({ text: words.documents_minutes_title({ title: activity.title }, o), heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
      labelled(labels.date, dateLine(activity.startsAt, activity.endsAt, zone, lang)),
      ...(place ? [labelled(labels.place, place)] : []),
      heading(say(words.documents_minutes_attendance)),
      attendanceRows.length ? table([say(words.documents_minutes_name), say(words.documents_minutes_institution), say(words.documents_minutes_presence)], attendanceRows) : new Paragraph(say(words.documents_minutes_noParticipants)),
      heading(say(words.documents_minutes_agenda))
    ];
    if (!agenda.length) children.push(new Paragraph(say(words.documents_minutes_noAgenda)));
    for (const item of agenda) {
      const time = item.starts_at ? ` (${DateTime.fromISO(item.starts_at, { zone: 'UTC' }).setZone(zone).toFormat('HH:mm')})` : '';
      children.push(heading(`${item.position}. ${item.topic}${time}`, HeadingLevel.HEADING_2));
      if (item.presenter) children.push(labelled(labels.presenter, item.presenter));
      if (item.notes) children.push(new Paragraph({ children: [new TextRun({ text: say(words.documents_minutes_notes), bold: true })] }), ...lines(item.notes));
      if (item.decisions) children.push(new Paragraph({ children: [new TextRun({ text: say(words.documents_minutes_decisions), bold: true })] }), ...lines(item.decisions));
    }
    children.push(heading(say(words.documents_minutes_nextSteps)));
    children.push(
      steps.length
        ? table(
            [say(words.documents_minutes_step), say(words.documents_minutes_owner), say(words.documents_minutes_due)],
            steps.map((s) => [s.title, s.owner_name ?? '', dayIn(DateTime.fromISO(s.due_on), lang)])
          )
        : new Paragraph(say(words.documents_minutes_noNextSteps))
    );
    children.push(
      labelled(
        say(words.documents_minutes_nextMeeting),
        activity.nextMeetingAt ? `${dayIn(when(activity.nextMeetingAt, zone, lang), lang)}, ${when(activity.nextMeetingAt, zone, lang).toFormat('HH:mm')} (${zone})` : say(words.documents_minutes_notSet)
      )
    );

    const document = new Document({
      creator: 'RegioDesk',
      title: words.documents_minutes_title({ title: activity.title }, o),
      sections: [{ children }]
    });
    const body = await Packer.toBuffer(document);
    return { filename: `${slug(say(words.documents_minutes_file))}-${slug(activity.title)}-${activity.local.startsAt.slice(0, 10)}.docx`, body };
  }
}
