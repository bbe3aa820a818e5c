/**
 * The figures of a yearly evaluation on a hand-computed data set written
 * straight into a real SQLite file (the repository's SQL decides what belongs
 * to the year, the pure function counts): partnership P1, year 2026, with
 * a cancelled activity, one that starts at 00:30 on 1 January 2027 in Brussels
 * (still 31 December in UTC), one at 00:15 on 1 January 2026 in Berlin
 * (31 December 2025 in UTC), and records of the other partnership and of
 * the years around it that must not count. Every expected number is
 * written out by hand below. Activities count once they have ended by the
 * time of counting (`NOW`, and an earlier clock in the last test of the
 * first block): the planned conference of September counts, the trip of
 * 31 December not before it has ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids.js';
import { figureRows, type FigureRows } from '../../../db/cycle/evaluation-figures.js';
import { evaluationFigures, share, Tallies } from '../../../api/cycle/services/evaluation-figures.js';
import type { EvaluationFigures } from '../../../api/cycle/schemas/evaluations.js';
import { testDatabase } from '../../support/database.js';
import { buildWorld, type World } from '../../support/world.js';
import { jsonText } from '../../../db/json-columns.js';

type Opened = Awaited<ReturnType<typeof testDatabase>>;
let h: Opened;
let w: World;
const D1 = 'domain-innovation';
const D2 = 'domain-mobility';
const ids = { uni: newId(), company: newId(), anna: newId(), bert: newId(), carla: newId(), nwe: newId(), horizon: newId() };
/** The time of counting for the hand-computed year: after every activity of 2026 and of 1 January 2027 has ended. */
const NOW = '2027-01-15T12:00:00.000Z';

interface ActivitySpec {
  type: string;
  startsAt: string;
  startsLocal: string;
  zone?: string;
  host?: string | null;
  political?: boolean;
  status?: string;
  domains?: string[];
  partnership?: 'p1' | 'p2';
}

async function activity(spec: ActivitySpec): Promise<string> {
  const id = newId();
  await h.db
    .insertInto('activities')
    .values({
      id,
      type: spec.type,
      title: `${spec.type} ${spec.startsLocal}`,
      starts_at: spec.startsAt,
      ends_at: spec.startsAt,
      time_zone: spec.zone ?? 'Europe/Brussels',
      starts_local: spec.startsLocal,
      ends_local: spec.startsLocal,
      host_region_id: spec.host ?? null,
      political_level: spec.political ? 1 : 0,
      status: spec.status ?? 'done'
    })
    .execute();
  await h.db.insertInto('activity_partnerships').values({ activity_id: id, partnership_id: w.partnerships[spec.partnership ?? 'p1'] }).execute();
  for (const domain of spec.domains ?? []) await h.db.insertInto('activity_domains').values({ activity_id: id, domain_id: domain }).execute();
  return id;
}

async function participant(activityId: string, fields: { organisationId?: string; personId?: string; attendance?: string }): Promise<string> {
  const id = newId();
  await h.db
    .insertInto('activity_participants')
    .values({ id, activity_id: activityId, person_id: fields.personId ?? null, organisation_id: fields.organisationId ?? null, role: 'delegate', attendance: fields.attendance ?? 'attended' })
    .execute();
  return id;
}

async function rating(activityId: string, participantId: string, value: number | null): Promise<void> {
  await h.db
    .insertInto('feedback_links')
    .values({ id: newId(), activity_id: activityId, participant_id: participantId, token_hash: newId(), rating: value, comment: null, answered_at: value === null ? null : '2026-06-01T10:00:00Z', expires_at: '2027-01-01T00:00:00Z' })
    .execute();
}

async function cost(activityId: string, state: string, cents: number): Promise<void> {
  await h.db
    .insertInto('cost_items')
    .values({ id: newId(), activity_id: activityId, category: 'travel', amount_cents: cents, currency: 'EUR', rate_to_eur: '1', amount_eur_cents: cents, state })
    .execute();
}

async function task(kind: string, dueOn: string, status: string, partnership: 'p1' | 'p2' = 'p1'): Promise<void> {
  await h.db
    .insertInto('tasks')
    .values({ id: newId(), kind, title: `${kind} ${dueOn}`, owner_id: w.users.officer.id, due_on: dueOn, status, partnership_id: w.partnerships[partnership] })
    .execute();
}

async function proposal(fields: { stage: string; createdAt: string; callId?: string; partnership?: 'p1' | 'p2'; decidedAt?: string; decidedStage?: string }): Promise<void> {
  const id = newId();
  await h.db
    .insertInto('proposals')
    .values({ id, acronym: `P-${fields.createdAt.slice(0, 10)}`, title: 'A candidate project', call_id: fields.callId ?? null, partnership_id: w.partnerships[fields.partnership ?? 'p1'], stage: fields.stage, created_at: fields.createdAt, updated_at: fields.createdAt })
    .execute();
  await h.db
    .insertInto('audit_events')
    .values({ id: newId(), at: fields.createdAt, actor_id: null, action: 'create', entity_type: 'proposal', entity_id: id, before: null, after: jsonText({ stage: 'idea' }) })
    .execute();
  if (fields.decidedAt) {
    await h.db
      .insertInto('audit_events')
      .values({ id: newId(), at: fields.decidedAt, actor_id: null, action: 'update', entity_type: 'proposal', entity_id: id, before: jsonText({ stage: 'submitted' }), after: jsonText({ stage: fields.decidedStage ?? fields.stage }) })
      .execute();
  }
}

/** The figures without each tally's `labels` (checked on their own below), so the counts read plainly. */
function counted(figures: EvaluationFigures): EvaluationFigures {
  return JSON.parse(JSON.stringify(figures, (key, value: unknown) => (key === 'labels' ? undefined : value))) as EvaluationFigures;
}

beforeAll(async () => {
  h = await testDatabase();
  w = await buildWorld(h.db);
  const { rheinNeckar: RN, flemishBrabant: VB } = w.regions;
  await h.db
    .insertInto('organisations')
    .values([
      { id: ids.uni, name: 'KU Leuven', short_name: null, kind: 'university_research', region_id: VB, country: 'BE', nuts_code: null, website: null, recorded_by_organisation_id: null },
      { id: ids.company, name: 'Roamer GmbH', short_name: null, kind: 'company', region_id: null, country: 'DE', nuts_code: null, website: null, recorded_by_organisation_id: null }
    ])
    .execute();
  await h.db
    .insertInto('people')
    .values([
      { id: ids.anna, organisation_id: ids.uni, name: 'Anna Peeters', function: null, emails: jsonText([]), phones: jsonText([]), languages: jsonText([]), lawful_basis: 'public_task', consent_date: null, consent_source: null, recorded_by_organisation_id: null },
      { id: ids.carla, organisation_id: w.organisations.pfb, name: 'Carla Janssens', function: null, emails: jsonText([]), phones: jsonText([]), languages: jsonText([]), lawful_basis: 'public_task', consent_date: null, consent_source: null, recorded_by_organisation_id: null },
      { id: ids.bert, organisation_id: null, name: 'Bert Maes', function: null, emails: jsonText([]), phones: jsonText([]), languages: jsonText([]), lawful_basis: 'public_task', consent_date: null, consent_source: null, recorded_by_organisation_id: null }
    ])
    .execute();

  // Activities of P1: A1, A2, A3, A6, A7 are held in 2026 (five); A4 is cancelled; A5 starts in 2027 locally.
  const a1 = await activity({ type: 'delegation_trip', startsAt: '2026-03-10T08:00:00Z', startsLocal: '2026-03-10T09:00', host: VB, political: true, domains: [D1, D2] });
  const a2 = await activity({ type: 'expert_exchange', startsAt: '2026-06-01T07:00:00Z', startsLocal: '2026-06-01T09:00', zone: 'Europe/Berlin', host: RN, domains: [D1] });
  await activity({ type: 'conference', startsAt: '2026-09-15T07:00:00Z', startsLocal: '2026-09-15T09:00', status: 'planned' });
  const a4 = await activity({ type: 'delegation_trip', startsAt: '2026-05-05T07:00:00Z', startsLocal: '2026-05-05T09:00', host: VB, political: true, status: 'cancelled', domains: [D2] });
  const a5 = await activity({ type: 'meeting', startsAt: '2026-12-31T23:30:00Z', startsLocal: '2027-01-01T00:30', host: VB, domains: [D1] });
  const a6 = await activity({ type: 'delegation_trip', startsAt: '2026-12-31T22:30:00Z', startsLocal: '2026-12-31T23:30', host: VB, domains: [D1] });
  await activity({ type: 'political_visit', startsAt: '2025-12-31T23:15:00Z', startsLocal: '2026-01-01T00:15', zone: 'Europe/Berlin', host: RN, political: true, domains: [D2] });
  // Not counted: P2's trip in 2026, P1's reception on the evening of 31 December 2025.
  const a8 = await activity({ type: 'delegation_trip', startsAt: '2026-04-01T07:00:00Z', startsLocal: '2026-04-01T09:00', host: VB, partnership: 'p2', domains: [D1] });
  await activity({ type: 'conference', startsAt: '2025-12-31T19:00:00Z', startsLocal: '2025-12-31T20:00', host: VB, domains: [D1] });

  // Participants: A1 four counted (VRRN, PFB, Anna for KU Leuven through her person, Bert without organisation; Carla of PFB, excused, not);
  // A2 three (VRRN, Roamer without region, Anna taking part for PFB); A6 one (WFBB; Bert no-show not); A4, A5, A8 not counted.
  const p1 = await participant(a1, { organisationId: w.organisations.vrrn });
  const p2 = await participant(a1, { organisationId: w.organisations.pfb });
  const annaAtA1 = await participant(a1, { personId: ids.anna });
  await participant(a1, { personId: ids.bert, attendance: 'confirmed' });
  await participant(a1, { personId: ids.carla, attendance: 'excused' });
  const p3 = await participant(a2, { organisationId: w.organisations.vrrn });
  await participant(a2, { organisationId: ids.company });
  await participant(a2, { personId: ids.anna, organisationId: w.organisations.pfb });
  await participant(a6, { organisationId: w.organisations.wfbb });
  await participant(a6, { personId: ids.bert, attendance: 'no_show' });
  const p4 = await participant(a4, { organisationId: ids.uni });
  await participant(a5, { organisationId: w.organisations.vrrn });
  await participant(a8, { organisationId: w.organisations.wfbb });

  // Feedback: 5 and 4 on A1 (one link unanswered), 2 on A2; the 1 on cancelled A4 does not count.
  await rating(a1, p1, 5);
  await rating(a1, p2, 4);
  await rating(a1, annaAtA1, null);
  await rating(a2, p3, 2);
  await rating(a4, p4, 1);

  // Costs: A1 planned 1,000.00 (left out), committed 500.00, spent 300.00; A2 spent 200.00; A4 and A5 not counted.
  await cost(a1, 'planned', 100_000);
  await cost(a1, 'committed', 50_000);
  await cost(a1, 'spent', 30_000);
  await cost(a2, 'spent', 20_000);
  await cost(a4, 'spent', 99_999);
  await cost(a5, 'spent', 77_777);
  await h.db
    .insertInto('budgets')
    .values([
      { id: newId(), partnership_id: w.partnerships.p1, organisation_id: w.organisations.vrrn, year: 2026, amount_eur_cents: 300_000 },
      { id: newId(), partnership_id: w.partnerships.p1, organisation_id: w.organisations.pfb, year: 2026, amount_eur_cents: 100_000 },
      { id: newId(), partnership_id: w.partnerships.p1, organisation_id: w.organisations.vrrn, year: 2025, amount_eur_cents: 999 },
      { id: newId(), partnership_id: w.partnerships.p2, organisation_id: w.organisations.wfbb, year: 2026, amount_eur_cents: 5_000 }
    ])
    .execute();

  // Follow-ups due in 2026: done, done, open, cancelled (left out) → 2 of 3; the rest are other years, other kinds or P2.
  await task('follow_up', '2026-02-01', 'done');
  await task('follow_up', '2026-12-31', 'done');
  await task('follow_up', '2026-07-01', 'open');
  await task('follow_up', '2026-08-01', 'cancelled');
  await task('follow_up', '2027-01-01', 'done');
  await task('follow_up', '2025-12-31', 'open');
  await task('next_step', '2026-03-01', 'done');
  await task('follow_up', '2026-04-01', 'done', 'p2');

  // Proposals counted for 2026: idea (no call), approved and rejected (Interreg NWE), running since a decision in May 2026
  // though created in 2025 (Horizon Europe), withdrawn (no call) → five; not: decided in 2025, created in 2027, P2's.
  await h.db
    .insertInto('programmes')
    .values([
      { id: ids.nwe, code: 'NWE', name: 'Interreg North-West Europe', family: 'interreg', parent_id: null, period: '2021-2027', cofinancing_rate: null, cofinancing_note: null, source: null, created_by: null },
      { id: ids.horizon, code: 'HE', name: 'Horizon Europe', family: 'horizon_europe', parent_id: null, period: '2021-2027', cofinancing_rate: null, cofinancing_note: null, source: null, created_by: null }
    ])
    .execute();
  const nweCall = newId();
  const horizonCall = newId();
  await h.db
    .insertInto('calls')
    .values([
      { id: nweCall, identifier: 'NWE-2026-1', title: 'NWE call 2026', programme_id: ids.nwe, action_type: null, description: null, opening_at: null, budget_cents: null, expected_grants: null, min_contribution_cents: null, max_contribution_cents: null, cofinancing_rate: null, link: null, rrule: null, portal_status: null, imported_at: null, created_by: null, keywords: jsonText([]) },
      { id: horizonCall, identifier: 'HORIZON-CL5-2025', title: 'Horizon call 2025', programme_id: ids.horizon, action_type: null, description: null, opening_at: null, budget_cents: null, expected_grants: null, min_contribution_cents: null, max_contribution_cents: null, cofinancing_rate: null, link: null, rrule: null, portal_status: null, imported_at: null, created_by: null, keywords: jsonText([]) }
    ])
    .execute();
  await proposal({ stage: 'idea', createdAt: '2026-02-01T10:00:00.000Z' });
  await proposal({ stage: 'approved', createdAt: '2026-03-01T10:00:00.000Z', callId: nweCall, decidedAt: '2026-10-01T10:00:00.000Z' });
  await proposal({ stage: 'rejected', createdAt: '2026-04-01T10:00:00.000Z', callId: nweCall, decidedAt: '2026-10-01T10:00:00.000Z' });
  await proposal({ stage: 'running', createdAt: '2025-06-01T10:00:00.000Z', callId: horizonCall, decidedAt: '2026-05-10T10:00:00.000Z', decidedStage: 'approved' });
  await proposal({ stage: 'withdrawn', createdAt: '2026-07-01T10:00:00.000Z' });
  await proposal({ stage: 'rejected', createdAt: '2025-03-01T10:00:00.000Z', callId: horizonCall, decidedAt: '2025-11-01T10:00:00.000Z' });
  await proposal({ stage: 'idea', createdAt: '2027-01-02T10:00:00.000Z' });
  await proposal({ stage: 'approved', createdAt: '2026-05-01T10:00:00.000Z', partnership: 'p2', callId: nweCall });
});

afterAll(async () => {
  await h.close();
});

describe('evaluation figures of P1 in 2026 (hand-computed)', () => {
  it('counts the held activities of the year by type, domain and host region, and the political share', async () => {
    const figures = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2026, NOW)));
    expect(figures.partnershipId).toBe(w.partnerships.p1);
    expect(figures.year).toBe(2026);
    expect(figures.activities).toEqual({
      total: 5,
      byType: [
        { key: 'delegation_trip', label: 'Delegation trip', count: 2 },
        { key: 'conference', label: 'Conference', count: 1 },
        { key: 'expert_exchange', label: 'Expert exchange', count: 1 },
        { key: 'political_visit', label: 'Political visit', count: 1 }
      ],
      byDomain: [
        { key: D1, label: 'Innovation and start-ups', count: 3 },
        { key: D2, label: 'Mobility and logistics', count: 2 }
      ],
      byHostRegion: [
        { key: w.regions.rheinNeckar, label: 'Rhein-Neckar', count: 2 },
        { key: w.regions.flemishBrabant, label: 'Vlaams-Brabant', count: 2 },
        { key: 'none', label: 'No host region', count: 1 }
      ],
      political: { count: 2, share: 0.4 }
    });
  });

  it('counts the participants who came, by organisation kind and region, and the distinct organisations', async () => {
    const figures = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2026, NOW)));
    expect(figures.participants).toEqual({
      total: 8,
      byKind: [
        { key: 'regional_authority', label: 'Regional authority', count: 4 },
        { key: 'agency', label: 'Agency', count: 1 },
        { key: 'company', label: 'Company', count: 1 },
        { key: 'none', label: 'No organisation', count: 1 },
        { key: 'university_research', label: 'University / research', count: 1 }
      ],
      byRegion: [
        { key: w.regions.flemishBrabant, label: 'Vlaams-Brabant', count: 3 },
        { key: 'none', label: 'No region', count: 2 },
        { key: w.regions.rheinNeckar, label: 'Rhein-Neckar', count: 2 },
        { key: w.regions.berlin, label: 'Berlin-Brandenburg', count: 1 }
      ],
      organisations: {
        total: 5,
        byKind: [
          { key: 'regional_authority', label: 'Regional authority', count: 2 },
          { key: 'agency', label: 'Agency', count: 1 },
          { key: 'company', label: 'Company', count: 1 },
          { key: 'university_research', label: 'University / research', count: 1 }
        ],
        byRegion: [
          { key: w.regions.flemishBrabant, label: 'Vlaams-Brabant', count: 2 },
          { key: w.regions.berlin, label: 'Berlin-Brandenburg', count: 1 },
          { key: 'none', label: 'No region', count: 1 },
          { key: w.regions.rheinNeckar, label: 'Rhein-Neckar', count: 1 }
        ]
      }
    });
  });

  it('averages the feedback, rates the follow-ups and sets the costs against the budget', async () => {
    const figures = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2026, NOW)));
    expect(figures.feedback).toEqual({ responses: 3, average: 3.67 });
    expect(figures.followUps.total).toBe(3);
    expect(figures.followUps.done).toBe(2);
    expect(figures.followUps.rate).toBeCloseTo(2 / 3, 10);
    expect(figures.costs).toEqual({ spentCents: 100_000, budgetCents: 400_000, share: 0.25 });
  });

  it('counts the proposals created or decided in the year by stage and programme, with the approval rate', async () => {
    const figures = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2026, NOW)));
    const { approvalRate, ...rest } = figures.proposals;
    expect(rest).toEqual({
      total: 5,
      byStage: [
        { key: 'approved', label: 'Approved', count: 1 },
        { key: 'idea', label: 'Idea', count: 1 },
        { key: 'rejected', label: 'Rejected', count: 1 },
        { key: 'running', label: 'Running', count: 1 },
        { key: 'withdrawn', label: 'Withdrawn', count: 1 }
      ],
      byProgramme: [
        { key: ids.nwe, label: 'Interreg North-West Europe', count: 2 },
        { key: 'none', label: 'No programme', count: 2 },
        { key: ids.horizon, label: 'Horizon Europe', count: 1 }
      ],
      decided: 3,
      approved: 2
    });
    expect(approvalRate).toBeCloseTo(2 / 3, 10);
  });

  it('puts the activities at the year boundary where they happen: 2027 gets the Brussels reception of 00:30 on 1 January', async () => {
    const figures = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2027, NOW)));
    expect(figures.activities.total).toBe(1);
    expect(figures.activities.byType).toEqual([{ key: 'meeting', label: 'Meeting / committee session', count: 1 }]);
    expect(figures.participants.total).toBe(1);
    expect(figures.costs).toEqual({ spentCents: 77_777, budgetCents: null, share: null });
    expect(figures.followUps).toEqual({ total: 1, done: 1, rate: 1 });
    expect(figures.proposals.total).toBe(1);
    // 2025: the evening reception of 31 December (local) only; the Berlin visit at 00:15 on 1 January 2026 is not here.
    const before = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2025, NOW)));
    expect(before.activities.total).toBe(1);
    expect(before.activities.byType).toEqual([{ key: 'conference', label: 'Conference', count: 1 }]);
    // 2025's proposals: both created then; only the rejection was decided in 2025 (the running one's approval counts in 2026).
    expect(before.proposals).toMatchObject({ total: 2, decided: 1, approved: 0, approvalRate: 0 });
  });

  it('counts an activity only once it has ended by the time of counting (a planned one whose end has passed counts)', async () => {
    const inNovember = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2026, '2026-11-20T12:00:00.000Z')));
    // A6 (the delegation trip of 23:30 on 31 December, ending 22:30 UTC) is still ahead: four held, its WFBB participant not counted.
    expect(inNovember.activities.total).toBe(4);
    expect(inNovember.activities.byType).toEqual([
      { key: 'conference', label: 'Conference', count: 1 },
      { key: 'delegation_trip', label: 'Delegation trip', count: 1 },
      { key: 'expert_exchange', label: 'Expert exchange', count: 1 },
      { key: 'political_visit', label: 'Political visit', count: 1 }
    ]);
    expect(inNovember.participants.total).toBe(7);
    const aSecondBefore = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2026, '2026-12-31T22:29:59.000Z')));
    expect(aSecondBefore.activities.total).toBe(4);
    const atItsEnd = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2026, '2026-12-31T22:30:00.000Z')));
    expect(atItsEnd.activities.total).toBe(5);
    expect(atItsEnd.participants.total).toBe(8);
  });

  it('labels the keys with known translations in English, German and Dutch; region and programme names stay as they are', async () => {
    const figures = evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2026, NOW));
    const labels = (tallies: { key: string; labels?: unknown }[], key: string) => tallies.find((t) => t.key === key)?.labels;
    expect(labels(figures.activities.byType, 'delegation_trip')).toEqual({ en: 'Delegation trip', de: 'Delegationsreise', nl: 'Economische missie' });
    expect(labels(figures.activities.byDomain, D2)).toEqual({ en: 'Mobility and logistics', de: expect.any(String), nl: expect.any(String) });
    expect(labels(figures.activities.byDomain, D2)).not.toMatchObject({ de: 'Mobility and logistics' });
    expect(labels(figures.activities.byHostRegion, 'none')).toEqual({ en: 'No host region', de: 'Keine Gastregion', nl: 'Geen gastregio' });
    expect(labels(figures.activities.byHostRegion, w.regions.rheinNeckar)).toBeUndefined();
    expect(labels(figures.participants.byKind, 'regional_authority')).toEqual({ en: 'Regional authority', de: 'Regionale Gebietskörperschaft', nl: 'Regionale overheid' });
    expect(labels(figures.participants.byKind, 'none')).toEqual({ en: 'No organisation', de: 'Keine Organisation', nl: 'Geen organisatie' });
    expect(labels(figures.participants.byRegion, 'none')).toEqual({ en: 'No region', de: 'Keine Region', nl: 'Geen regio' });
    expect(labels(figures.proposals.byStage, 'approved')).toEqual({ en: 'Approved', de: 'Bewilligt', nl: 'Goedgekeurd' });
    expect(labels(figures.proposals.byProgramme, 'none')).toEqual({ en: 'No programme', de: 'Kein Programm', nl: 'Geen programma' });
    expect(labels(figures.proposals.byProgramme, ids.nwe)).toBeUndefined();
  });

  it('answers null for every share, average and rate of an empty year', async () => {
    const figures = counted(evaluationFigures(await figureRows(h.db, w.partnerships.p1, 2019, NOW)));
    expect(figures.activities).toEqual({ total: 0, byType: [], byDomain: [], byHostRegion: [], political: { count: 0, share: null } });
    expect(figures.participants).toEqual({ total: 0, byKind: [], byRegion: [], organisations: { total: 0, byKind: [], byRegion: [] } });
    expect(figures.feedback).toEqual({ responses: 0, average: null });
    expect(figures.followUps).toEqual({ total: 0, done: 0, rate: null });
    expect(figures.costs).toEqual({ spentCents: 0, budgetCents: null, share: null });
    expect(figures.proposals).toEqual({ total: 0, byStage: [], byProgramme: [], decided: 0, approved: 0, approvalRate: null });
  });
});

describe('the counting on plain rows', () => {
  const empty: FigureRows = { partnershipId: 'p', year: 2026, activities: [], domains: [], participants: [], ratings: [], followUps: { open: 0, done: 0, cancelled: 0 }, costs: [], budgetCents: 0, proposals: [] };

  it('gives no share of a zero budget', () => {
    expect(evaluationFigures({ ...empty, costs: [{ state: 'spent', amount_eur_cents: 500 }] }).costs).toEqual({ spentCents: 500, budgetCents: 0, share: null });
  });

  it('counts running and closed as approved and leaves withdrawn and submitted undecided', () => {
    const proposals = ['running', 'closed', 'rejected', 'withdrawn', 'submitted'].map((stage, i) => ({ id: `p${i}`, stage, programme_id: null, programme_code: null, programme_name: null, decided_at: '2026-05-01T00:00:00Z' }));
    expect(evaluationFigures({ ...empty, proposals }).proposals).toMatchObject({ total: 5, decided: 3, approved: 2 });
    const earlier = proposals.map((p) => ({ ...p, decided_at: '2025-05-01T00:00:00Z' }));
    expect(evaluationFigures({ ...empty, proposals: earlier }).proposals).toMatchObject({ total: 5, decided: 0, approved: 0, approvalRate: null });
  });

  it('divides only by a non-zero denominator and sorts tallies by count, then label', () => {
    expect(share(1, 0)).toBeNull();
    expect(share(1, null)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
    const tallies = new Tallies();
    tallies.add('b', 'Beta');
    tallies.add('a', 'Alpha');
    tallies.add('c', 'Gamma', 2);
    expect(tallies.list().map((t) => t.key)).toEqual(['c', 'a', 'b']);
  });
});
