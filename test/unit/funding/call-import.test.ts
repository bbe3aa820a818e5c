/**
 * What an import does to one stored call, with plain values: new, changed
 * or unchanged; what the file leaves out stays; confirmed deadlines outlive
 * assumed ones; values that would break the calls API's rules are dropped.
 */
import { describe, expect, it } from 'vitest';
import type { CallDeadlineRow, CallRow } from '../../../db/schema.js';
import { incomingOf, mergeDeadlines, planCall, type ProgrammeFacts } from '../../../api/funding/services/call-import.js';
import { type PortalTopic, readGrantsTendersRecord } from '../../../api/funding/rules/portal-formats.js';
import { render } from '../../../api/platform/http/problem-words.js';

const HORIZON: ProgrammeFacts = { id: 'programme-horizon-europe', code: 'HORIZON', name: 'Horizon Europe', cut_off_time: '17:00:00', cut_off_zone: 'Europe/Brussels' };
const NWE: ProgrammeFacts = { id: 'programme-interreg-nwe', code: 'INTERREG-NWE', name: 'Interreg NWE', cut_off_time: '12:00:00', cut_off_zone: 'Europe/Brussels' };

function topic(fields: Record<string, unknown> = {}): PortalTopic {
  const outcome = readGrantsTendersRecord(
    {
      type: 1,
      identifier: 'HORIZON-CL5-2027-D3-01-05',
      title: 'Thin-film photovoltaics',
      deadlineModel: 'single-stage',
      deadlineDatesLong: [Date.parse('2027-04-15T00:00:00Z')],
      plannedOpeningDateLong: Date.parse('2026-12-15T00:00:00Z'),
      keywords: ['Photovoltaics'],
      budgetOverviewJSONItem: { budgetTopicActionMap: { 1: [{ action: 'HORIZON-CL5-2027-D3-01-05', budgetYearMap: { 2027: 12_000_000 }, minContribution: 3_500_000, maxContribution: 4_000_000 }] } },
      ...fields
    },
    0
  );
  if (outcome.kind !== 'topic') throw new Error(outcome.said.key);
  return outcome.topic;
}

function storedFrom(t: PortalTopic, programme: ProgrammeFacts | null = HORIZON): { row: CallRow; deadlines: CallDeadlineRow[] } {
  const plan = planCall(undefined, [], incomingOf(t, programme));
  const row: CallRow = {
    id: 'call-1',
    identifier: t.identifier,
    ...plan.values,
    description: null,
    cofinancing_rate: null,
    rrule: null,
    source: 'portal',
    imported_at: '2026-11-23T10:00:00.000Z',
    created_by: null,
    version: 1,
    created_at: '2026-11-23T10:00:00.000Z',
    updated_at: '2026-11-23T10:00:00.000Z'
  };
  const deadlines = plan.deadlines.map((d, position) => ({
    id: `deadline-${position}`,
    call_id: 'call-1',
    position,
    label: d.label,
    deadline_at: d.deadline_at,
    time_zone: d.time_zone,
    assumed: d.assumed ? 1 : 0
  }));
  return { row, deadlines };
}

describe('planning one call', () => {
  it('takes a date as the programme’s cut-off: 17:00 Brussels for Horizon Europe, 12:00 for Interreg NWE', () => {
    expect(incomingOf(topic(), HORIZON).deadlines).toEqual([{ label: null, deadline_at: '2027-04-15T15:00:00.000Z', time_zone: 'Europe/Brussels', assumed: true }]);
    expect(incomingOf(topic(), NWE).deadlines[0]!.deadline_at).toBe('2027-04-15T10:00:00.000Z');
    expect(incomingOf(topic(), null).deadlines[0]!.deadline_at).toBe('2027-04-15T15:00:00.000Z');
    // an opening date is the start of that day in the programme's zone
    expect(incomingOf(topic(), HORIZON).values.opening_at).toBe('2026-12-14T23:00:00.000Z');
  });

  it('is unchanged when the file says what is stored, and names each field that differs otherwise', () => {
    const { row, deadlines } = storedFrom(topic());
    expect(planCall(row, deadlines, incomingOf(topic(), HORIZON))).toMatchObject({ outcome: 'unchanged', fields: [], deadlineRowsChanged: false, deadlineChanged: false });
    const changed = planCall(row, deadlines, incomingOf(topic({ title: 'Thin-film photovoltaics for façades', deadlineDatesLong: [Date.parse('2027-04-22T15:00:00Z')] }), HORIZON));
    expect(changed).toMatchObject({ outcome: 'changed', fields: ['title', 'deadlines'], deadlineChanged: true, changes: { title: 'Thin-film photovoltaics for façades' } });
  });

  it('keeps what the file leaves out: budget, opening, keywords, deadlines, and a programme it cannot name', () => {
    const { row, deadlines } = storedFrom(topic());
    const bare = topic({ deadlineDatesLong: [], plannedOpeningDateLong: undefined, keywords: [], budgetOverviewJSONItem: undefined });
    const plan = planCall(row, deadlines, incomingOf(bare, null));
    expect(plan).toMatchObject({ outcome: 'unchanged', deadlines: [{ deadline_at: '2027-04-15T15:00:00.000Z' }] });
    expect(plan.values).toMatchObject({ programme_id: HORIZON.id, budget_cents: 1_200_000_000, keywords: ['Photovoltaics'], opening_at: row.opening_at });
  });

  it('counts a deadline that only becomes confirmed (a real time at the same instant) as a changed row, not as a moved deadline', () => {
    const { row, deadlines } = storedFrom(topic());
    const plan = planCall(row, deadlines, incomingOf(topic({ deadlineDatesLong: [Date.parse('2027-04-15T15:00:00Z')] }), HORIZON));
    expect(plan).toMatchObject({ outcome: 'changed', fields: ['deadlines'], deadlineRowsChanged: true, deadlineChanged: false, deadlines: [{ assumed: false }] });
  });

  it('drops contributions that contradict each other or the budget, and an opening after the first deadline, saying so', () => {
    const odd = topic({
      plannedOpeningDateLong: Date.parse('2027-05-01T00:00:00Z'),
      budgetOverviewJSONItem: { budgetTopicActionMap: { 1: [{ action: 'HORIZON-CL5-2027-D3-01-05', budgetYearMap: { 2027: 1_000_000 }, minContribution: 500_000, maxContribution: 2_000_000 }] } }
    });
    const plan = planCall(undefined, [], incomingOf(odd, HORIZON));
    expect(plan.values).toMatchObject({ budget_cents: 100_000_000, min_contribution_cents: 50_000_000, max_contribution_cents: null, opening_at: null });
    expect(plan.problems.map((said) => render(said))).toEqual([expect.stringContaining('maximum contribution (€2,000,000.00) is more than the budget'), expect.stringContaining('opening date is not before the first deadline')]);
    expect(render(plan.problems[0]!, 'nl')).toBe('De maximale bijdrage (2.000.000,00\u00a0€) is hoger dan het budget (1.000.000,00\u00a0€); ze bleef leeg.');
    const swapped = topic({ budgetOverviewJSONItem: { budgetTopicActionMap: { 1: [{ action: 'HORIZON-CL5-2027-D3-01-05', minContribution: 3, maxContribution: 2 }] } } });
    expect(planCall(undefined, [], incomingOf(swapped, HORIZON)).values).toMatchObject({ min_contribution_cents: null, max_contribution_cents: null });
  });
});

describe('merging deadlines', () => {
  const row = (position: number, at: string, assumed: boolean, label: string | null = null, zone = 'Europe/Brussels'): CallDeadlineRow => ({
    id: `d${position}`,
    call_id: 'c',
    position,
    label,
    deadline_at: at,
    time_zone: zone,
    assumed: assumed ? 1 : 0
  });
  const next = (at: string, assumed: boolean) => ({ label: null, deadline_at: at, time_zone: 'Europe/Brussels', assumed });

  it('keeps a confirmed time over an assumed one of the same local date, with its label and zone', () => {
    const stored = [row(0, '2027-09-24T14:00:00.000Z', false, 'Full proposal', 'Europe/Berlin')];
    expect(mergeDeadlines(stored, [next('2027-09-24T15:00:00.000Z', true)])).toEqual([
      { label: 'Full proposal', deadline_at: '2027-09-24T14:00:00.000Z', time_zone: 'Europe/Berlin', assumed: false }
    ]);
  });

  it('takes the file’s date when it is another day, keeping the stage’s label', () => {
    const stored = [row(0, '2027-09-24T14:00:00.000Z', false, 'Full proposal')];
    expect(mergeDeadlines(stored, [next('2027-10-01T15:00:00.000Z', true)])).toEqual([{ label: 'Full proposal', deadline_at: '2027-10-01T15:00:00.000Z', time_zone: 'Europe/Brussels', assumed: true }]);
  });

  it('lets the portal confirm an assumed time at the same instant, and adds stages it did not have', () => {
    const stored = [row(0, '2027-02-18T16:00:00.000Z', true, 'Stage 1')];
    expect(mergeDeadlines(stored, [next('2027-02-18T16:00:00.000Z', false), next('2027-09-08T15:00:00.000Z', true)])).toEqual([
      { label: 'Stage 1', deadline_at: '2027-02-18T16:00:00.000Z', time_zone: 'Europe/Brussels', assumed: false },
      { label: null, deadline_at: '2027-09-08T15:00:00.000Z', time_zone: 'Europe/Brussels', assumed: true }
    ]);
  });
});
