/**
 * The annual cycle's steps (api/cycle/services/cycle-steps.ts) on plain values:
 * their RRULEs and occurrences, the lead weeks, configurable months, a step
 * across the year boundary, and who receives the tasks.
 */
import { describe, expect, it } from 'vitest';
import { closedResult, taskText } from '../../../api/cycle/rules/cycle-task-text.js';
import { nextSteps, stepOccurrences, stepRule, stepsDue, stepsOfTask, taskOwners } from '../../../api/cycle/services/cycle-steps.js';

const DEFAULT = { evaluationMonth: 11, workPlanMonth: 12, leadWeeks: 4 };

describe('the steps as RRULEs', () => {
  it('falls yearly on the last day of the step’s month', () => {
    expect(stepRule(11)).toBe('FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1');
    expect(stepOccurrences('evaluation', DEFAULT, '2025-01-01', '2027-12-31').map((s) => s.on)).toEqual(['2025-11-30', '2026-11-30', '2027-11-30']);
    expect(stepOccurrences('work_plan', { ...DEFAULT, workPlanMonth: 2 }, '2027-01-01', '2028-12-31').map((s) => s.on)).toEqual(['2027-02-28', '2028-02-29']);
  });

  it('is about the year it falls in (evaluation) or the year after (work plan)', () => {
    expect(nextSteps(DEFAULT, '2026-06-01').map((s) => [s.kind, s.on, s.remindOn, s.subjectYear])).toEqual([
      ['evaluation', '2026-11-30', '2026-10-04', 2026],
      ['work_plan', '2026-12-31', '2026-11-03', 2027]
    ]);
  });

  it('stays the next step until its month is over', () => {
    expect(nextSteps(DEFAULT, '2026-11-30')[0]!.on).toBe('2026-11-30');
    expect(nextSteps(DEFAULT, '2026-12-01')[0]!.on).toBe('2027-11-30');
    expect(nextSteps(DEFAULT, '2026-12-31')[1]!.on).toBe('2026-12-31');
    expect(nextSteps(DEFAULT, '2027-01-01')[1]).toMatchObject({ on: '2027-12-31', subjectYear: 2028 });
  });
});

describe('lead weeks', () => {
  it('makes the tasks the lead weeks before the month begins, and not before', () => {
    expect(stepsDue(DEFAULT, '2026-10-03')).toEqual([]);
    expect(stepsDue(DEFAULT, '2026-10-04').map((s) => s.kind)).toEqual(['evaluation']);
    expect(stepsDue(DEFAULT, '2026-11-03').map((s) => s.kind)).toEqual(['evaluation', 'work_plan']);
    expect(stepsDue({ ...DEFAULT, leadWeeks: 0 }, '2026-11-01').map((s) => s.kind)).toEqual(['evaluation']);
  });

  it('work plan in December with 6 weeks’ lead: made on 20 October', () => {
    const settings = { ...DEFAULT, leadWeeks: 6 };
    expect(nextSteps(settings, '2026-06-01')[1]!.remindOn).toBe('2026-10-20');
    expect(stepsDue(settings, '2026-10-19').map((s) => s.kind)).toEqual(['evaluation']);
    expect(stepsDue(settings, '2026-10-20').map((s) => s.kind)).toEqual(['evaluation', 'work_plan']);
  });

  it('across the year boundary: a January step with 6 weeks’ lead is made in November of the year before', () => {
    const settings = { evaluationMonth: 1, workPlanMonth: 12, leadWeeks: 6 };
    const [evaluation] = nextSteps(settings, '2026-11-19');
    expect(evaluation).toMatchObject({ rrule: 'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=-1', on: '2027-01-31', remindOn: '2026-11-20', subjectYear: 2027 });
    // December's work plan has been due since 20 October
    expect(stepsDue(settings, '2026-11-19').map((s) => s.kind)).toEqual(['work_plan']);
    expect(stepsDue(settings, '2026-11-20').map((s) => [s.kind, s.on])).toEqual([
      ['evaluation', '2027-01-31'],
      ['work_plan', '2026-12-31']
    ]);
  });
});

describe('who receives the tasks', () => {
  const party = (organisation_id: string, contact: string | null, emails: string[]) => ({
    organisation_id,
    organisation_name: `${organisation_id} long name`,
    organisation_short_name: organisation_id,
    contact_person_id: contact,
    contact_person_name: contact,
    contact_person_emails: emails
  });
  const member = (id: string, email: string, organisation_id: string, role: string, locale = 'en') => ({ id, name: id, email, locale, organisation_id, role });
  const members = [
    member('katrin', 'officer.rn@demo.regiodesk.eu', 'VRRN', 'officer', 'de'),
    member('viewer', 'viewer.rn@demo.regiodesk.eu', 'VRRN', 'viewer'),
    member('pieter', 'officer.vb@demo.regiodesk.eu', 'PFB', 'officer'),
    member('ed', 'ed@pfb.example', 'PFB', 'editor')
  ];

  it('maps a contact person to the member with the same e-mail address (any case)', () => {
    const owners = taskOwners([party('VRRN', 'Katrin Wellmann', ['katrin@vrrn.example', 'Officer.RN@demo.regiodesk.eu']), party('PFB', 'Ed', ['ed@pfb.example'])], members);
    expect(owners.map((o) => [o.userId, o.basis, o.language])).toEqual([
      ['katrin', 'contact_person', 'de'],
      ['ed', 'contact_person', 'en']
    ]);
  });

  it('else maps the contact person to the writer of the party’s organisation with the same name', () => {
    const owners = taskOwners([party('VRRN', 'Katrin', ['katrin.wellmann@vrrn.example']), party('PFB', 'ed', ['ed@elsewhere.example'])], members);
    expect(owners.map((o) => [o.userId, o.basis])).toEqual([
      ['katrin', 'contact_person_by_name'],
      ['ed', 'contact_person_by_name']
    ]);
    expect(taskText(['evaluation'], DEFAULT, 'RN – VB', owners[0]!).description).toContain('You receive this task because the agreement names you (Katrin) as the contact person of VRRN.');
  });

  it('falls back to the admins and officers from the party’s organisation, never to a viewer', () => {
    const owners = taskOwners([party('VRRN', 'Felix', ['viewer.rn@demo.regiodesk.eu']), party('PFB', null, [])], members);
    expect(owners.map((o) => [o.userId, o.basis])).toEqual([
      ['katrin', 'contact_without_account'],
      ['pieter', 'no_contact_person']
    ]);
    expect(taskText(['evaluation', 'work_plan'], DEFAULT, 'RN – VB', owners[1]!)).toEqual({
      title: 'Evaluate the year and draft next year’s joint work plan (RN – VB)',
      description:
        'By the end of November, the parties evaluate the year together and approve the evaluation (Article 2.5 of the agreement).\nBy the end of December, the parties draft the joint work plan for the next year and propose it to each other for approval (Article 2.5 of the agreement).\nYou receive this task as an admin or officer of PFB: the agreement names no contact person for PFB.'
    });
  });
});

describe('the words of a task in its owner’s language', () => {
  const owner = { basis: 'contact_person' as const, organisationName: 'VRRN', contactPersonName: 'Katrin Wellmann' };

  it('words title and description in German for an owner whose account language is German', () => {
    expect(taskText(['evaluation'], DEFAULT, 'RN – VB', owner, 'de')).toEqual({
      title: 'Das Jahr gemeinsam evaluieren (RN – VB)',
      description: 'Bis Ende November evaluieren die Parteien gemeinsam das Jahr und stimmen der Evaluierung zu (Artikel 2.5 der Vereinbarung).\nSie erhalten diese Aufgabe, weil die Vereinbarung Sie als Ansprechperson von VRRN nennt.'
    });
    expect(taskText(['work_plan'], DEFAULT, 'RN – VB', owner, 'en').title).toBe('Draft next year’s joint work plan (RN – VB)');
  });

  it('words title and description in Dutch for an owner whose account language is Dutch', () => {
    expect(taskText(['evaluation', 'work_plan'], DEFAULT, 'RN – VB', owner, 'nl')).toEqual({
      title: 'Het jaar evalueren en het gezamenlijke jaarplan voor volgend jaar opstellen (RN – VB)',
      description:
        'Tegen eind november evalueren de partijen samen het jaar en keuren zij de evaluatie goed (artikel 2.5 van de overeenkomst).\nTegen eind december stellen de partijen het gezamenlijke jaarplan voor volgend jaar op en leggen zij het elkaar ter goedkeuring voor (artikel 2.5 van de overeenkomst).\nU ontvangt deze taak omdat de overeenkomst u als contactpersoon van VRRN aanduidt.'
    });
    expect(taskText(['work_plan'], DEFAULT, 'RN – VB', { basis: 'contact_without_account', organisationName: 'PFB', contactPersonName: null }, 'nl').description).toBe(
      'Tegen eind december stellen de partijen het gezamenlijke jaarplan voor volgend jaar op en leggen zij het elkaar ter goedkeuring voor (artikel 2.5 van de overeenkomst).\nU ontvangt deze taak als beheerder of medewerker van PFB: de overeenkomst duidt iemand aan als contactpersoon, die in dit partnerschap geen account heeft.'
    );
  });

  it('says why a run closed a task', () => {
    expect(closedResult([{ kind: 'evaluation', subjectYear: 2026 }])).toBe('Closed by RegioDesk: the evaluation of 2026 is adopted.');
    expect(closedResult([{ kind: 'work_plan', subjectYear: 2027 }], 'de')).toBe('Von RegioDesk erledigt: der Arbeitsplan 2027 ist den Parteien vorgelegt.');
    expect(closedResult([{ kind: 'evaluation', subjectYear: 2026 }, { kind: 'work_plan', subjectYear: 2027 }], 'nl')).toBe('Afgesloten door RegioDesk: de evaluatie van 2026 is vastgesteld; het jaarplan voor 2027 is aan de partijen voorgelegd.');
  });
});

describe('the steps an open task stands for', () => {
  it('reads them from its month and year, and none when the months changed since', () => {
    const task = (due_on: string, month: number) => ({ due_on, rrule: `DTSTART;VALUE=DATE:${due_on.replaceAll('-', '')}\nRRULE:FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=-1` });
    expect(stepsOfTask(DEFAULT, task('2026-11-30', 11))).toEqual([{ kind: 'evaluation', subjectYear: 2026 }]);
    expect(stepsOfTask(DEFAULT, task('2026-12-31', 12))).toEqual([{ kind: 'work_plan', subjectYear: 2027 }]);
    expect(stepsOfTask({ ...DEFAULT, workPlanMonth: 11 }, task('2026-11-30', 11))).toEqual([
      { kind: 'evaluation', subjectYear: 2026 },
      { kind: 'work_plan', subjectYear: 2027 }
    ]);
    expect(stepsOfTask({ ...DEFAULT, evaluationMonth: 10 }, task('2026-11-30', 11))).toEqual([]);
  });
});
