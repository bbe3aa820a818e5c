import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../api/app.js';
import { settingsFrom } from '../../../api/platform/config.js';
import { newId } from '../../../db/ids.js';
import { apiHarness, type ApiHarness } from '../../support/api.js';
import { tableCounts } from '../../support/database.js';
import { client, type Client, expectProblem } from '../../support/http.js';
import type { UserKey } from '../../support/world.js';
import { jsonText } from '../../../db/json-columns.js';
import { firstRow, allRows } from '../../support/sql.js';

/** Every request in this file runs on 15 May 2024 (UTC), so statuses and day counts are fixed. */
const TODAY = new Date('2024-05-15T10:00:00Z');

let h: ApiHarness;
let as: Record<UserKey, Client>;
let people: { vrrnContact: string; pfbContact: string; wfbbContact: string };
let stakeholder: string;

beforeAll(async () => {
  h = await apiHarness();
  const app = createApp({ db: h.db, settings: settingsFrom({}), clock: () => TODAY });
  as = {} as Record<UserKey, Client>;
  for (const key of Object.keys(h.world.users) as UserKey[]) as[key] = client(app, h.world.users[key].token);
  const o = h.world.organisations;
  people = { vrrnContact: newId(), pfbContact: newId(), wfbbContact: newId() };
  const person = (id: string, organisationId: string, name: string) => ({
    id,
    organisation_id: organisationId,
    name,
    function: 'Europareferentin',
    emails: jsonText([]),
    phones: jsonText([]),
    languages: jsonText([]),
    lawful_basis: 'legitimate_interest',
    consent_date: null,
    consent_source: null,
    recorded_by_organisation_id: organisationId
  });
  await h.db
    .insertInto('people')
    .values([person(people.vrrnContact, o.vrrn, 'Anna Europa'), person(people.pfbContact, o.pfb, 'Joke Peeters'), person(people.wfbbContact, o.wfbb, 'Kai Brandt')])
    .execute();
  stakeholder = newId();
  await h.db
    .insertInto('organisations')
    .values({ id: stakeholder, name: 'BioRN Cluster', short_name: null, kind: 'cluster', region_id: h.world.regions.rheinNeckar, country: 'DE', nuts_code: null, website: null, recorded_by_organisation_id: o.vrrn })
    .execute();
});
afterAll(() => h.close());

/** A renewed Rhein-Neckar – Flemish Brabant agreement, as the admin of P1 would enter it. */
function agreement(overrides: Record<string, unknown> = {}) {
  const { regions, organisations } = h.world;
  return {
    title: 'Rhein-Neckar – Flemish Brabant 2025–2028',
    parties: [
      { regionId: regions.rheinNeckar, organisationId: organisations.vrrn, contactPersonId: people.vrrnContact, networks: [{ name: 'ERRIN', since: 2015 }] },
      { regionId: regions.flemishBrabant, organisationId: organisations.pfb }
    ],
    signedOn: '2024-11-20',
    startsOn: '2025-01-01',
    endsOn: '2028-12-31',
    noticeMonths: 6,
    ...overrides
  };
}

async function auditRows(entityId: string) {
  return (await allRows(h, 'SELECT action, actor_id, entity_type, before, after FROM audit_events WHERE entity_id = ? ORDER BY at, id', entityId)) as {
    action: string;
    actor_id: string | null;
    entity_type: string;
    before: string | null;
    after: string | null;
  }[];
}

describe('/api/partnerships: reading', () => {
  it('shows a member the partnership with names, status and deadlines derived from today', async () => {
    const read = await as.viewer.get(`/api/partnerships/${h.world.partnerships.p1}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toMatchObject({
      title: 'Rhein-Neckar – Flemish Brabant',
      status: 'active',
      endsOn: '2024-12-31',
      noticeMonths: 6,
      lastNoticeDay: '2024-06-30',
      renewalDecisionDay: '2024-03-31',
      effectiveEndOn: '2024-12-31',
      daysUntilEnd: 230,
      terminationEffectiveOn: null,
      predecessorId: null,
      successorId: null,
      memberRole: 'viewer',
      obligations: { visitsPerYear: 1, evaluationMonth: 11, workPlanMonth: 12, firstToInform: true }
    });
    expect(read.body.parties.map((p: { regionName: string; organisationName: string }) => [p.regionName, p.organisationName])).toEqual([
      ['Rhein-Neckar', 'Verband Region Rhein-Neckar'],
      ['Vlaams-Brabant', 'Provincie Vlaams-Brabant']
    ]);
  });

  it('calls an unsigned agreement a draft, and hides partnerships from non-members as if they did not exist', async () => {
    const p2 = await as.outsider.get(`/api/partnerships/${h.world.partnerships.p2}`);
    expect(p2.body).toMatchObject({ status: 'draft', memberRole: 'officer' });
    expectProblem(await as.outsider.get(`/api/partnerships/${h.world.partnerships.p1}`), 404);
    expectProblem(await as.viewer.get(`/api/partnerships/${h.world.partnerships.p2}`), 404);
    expectProblem(await as.viewer.get(`/api/partnerships/${newId()}`), 404);
    const sys = await as.sysadmin.get(`/api/partnerships/${h.world.partnerships.p1}`);
    expect(sys.body.memberRole).toBeNull();
    expect((await as.outsider.get('/api/partnerships')).body.items.map((p: { id: string }) => p.id)).toEqual([h.world.partnerships.p2]);
  });
});

describe('/api/partnerships: creating', () => {
  it('creates a partnership with parties, contact persons, networks, domains, forms and obligations; the creator becomes its admin', async () => {
    const created = await as.officer.post(
      '/api/partnerships',
      agreement({
        domainIds: ['domain-innovation', 'domain-health'],
        forms: ['delegation_trips', 'matchmaking'],
        obligations: { visitsPerYear: 2 },
        stakeholderIds: [stakeholder],
        predecessorId: null
      })
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      status: 'draft',
      memberRole: 'admin',
      renewalLeadMonths: 3,
      lastNoticeDay: '2028-06-30',
      renewalDecisionDay: '2028-03-31',
      forms: ['delegation_trips', 'matchmaking'],
      obligations: { visitsPerYear: 2, evaluationMonth: 11, workPlanMonth: 12, firstToInform: true },
      stakeholders: [{ id: stakeholder, name: 'BioRN Cluster' }],
      version: 1
    });
    expect(created.body.parties[0]).toMatchObject({ contactPersonId: people.vrrnContact, contactPersonName: 'Anna Europa', networks: [{ name: 'ERRIN', since: 2015 }] });
    expect(created.body.parties[1]).toMatchObject({ contactPersonId: null, contactPersonName: null, networks: [] });
    expect(created.body.domains.map((d: { code: string; labels: { de: string } }) => [d.code, d.labels.de])).toEqual([
      ['innovation', 'Innovation und Start-ups'],
      ['health', 'Gesundheit und Lebenswissenschaften']
    ]);
    const membership = (await firstRow(h, 'SELECT role FROM memberships WHERE user_id = ? AND partnership_id = ?', h.world.users.officer.id, created.body.id)) as { role: string };
    expect(membership.role).toBe('admin');
    // the officer's next request carries the new role
    expect((await as.officer.get(`/api/partnerships/${created.body.id}`)).body.memberRole).toBe('admin');
    // other members of P1 are not members of the new partnership
    expectProblem(await as.viewer.get(`/api/partnerships/${created.body.id}`), 404);
    const [audit] = (await auditRows(created.body.id));
    expect(audit).toMatchObject({ action: 'create', entity_type: 'partnership', actor_id: h.world.users.officer.id, before: null });
    expect(JSON.parse(audit!.after!)).toMatchObject({ title: 'Rhein-Neckar – Flemish Brabant 2025–2028', forms: ['delegation_trips', 'matchmaking'] });
  });

  it('lets a system administrator create without becoming a member', async () => {
    const created = await as.sysadmin.post('/api/partnerships', agreement({ title: 'Created by the system administrator' }));
    expect(created.status).toBe(201);
    expect(created.body.memberRole).toBeNull();
    expect((await firstRow(h, 'SELECT count(*) AS n FROM memberships WHERE partnership_id = ?', created.body.id))).toEqual({ n: 0 });
  });

  it('lets only system administrators and admins or officers somewhere create', async () => {
    const before = await tableCounts(h);
    expectProblem(await as.viewer.post('/api/partnerships', agreement()), 403);
    expectProblem(await as.editor.post('/api/partnerships', agreement()), 403);
    expect(await tableCounts(h)).toEqual(before);
  });

  it('refuses bad input with a field path for each problem and stores nothing', async () => {
    const { regions, organisations } = h.world;
    const before = await tableCounts(h);
    const refused = async (body: unknown, ...paths: string[]) => {
      const reply = await as.admin.post('/api/partnerships', body);
      for (const path of paths) expectProblem(reply, 400, path);
    };
    await refused(agreement({ parties: [{ regionId: regions.rheinNeckar, organisationId: organisations.vrrn }] }), 'parties');
    await refused(
      agreement({ parties: [{ regionId: regions.rheinNeckar, organisationId: organisations.vrrn }, { regionId: regions.flemishBrabant, organisationId: organisations.vrrn }] }),
      'parties.1.organisationId'
    );
    await refused(
      agreement({
        parties: [
          { regionId: newId(), organisationId: organisations.vrrn, contactPersonId: people.wfbbContact },
          { regionId: regions.berlin, organisationId: organisations.wfbb }
        ]
      }),
      'parties.0.regionId',
      'parties.0.contactPersonId',
      'parties.1.organisationId'
    );
    await refused(agreement({ startsOn: '2025-01-01', endsOn: '2024-12-31' }), 'endsOn');
    await refused(agreement({ noticeMonths: null, noticeSentOn: '2025-03-01' }), 'noticeSentOn');
    await refused(agreement({ endsOn: '31.12.2028' }), 'endsOn');
    await refused(agreement({ endsOn: '2027-02-29' }), 'endsOn');
    await refused(agreement({ noticeMonths: -1, renewalLeadMonths: 1.5 }), 'noticeMonths', 'renewalLeadMonths');
    await refused(agreement({ obligations: { evaluationMonth: 13, workPlanMonth: 0, often: true } }), 'obligations.evaluationMonth', 'obligations.workPlanMonth', 'obligations.often');
    await refused(agreement({ forms: ['lobbying', 'conferences'] }), 'forms.0');
    await refused(agreement({ forms: ['conferences', 'matchmaking', 'conferences'] }), 'forms.2');
    await refused(agreement({ domainIds: ['domain-tourism', 'domain-nonsense', 'domain-tourism'] }), 'domainIds.2');
    await refused(agreement({ domainIds: ['domain-nonsense'] }), 'domainIds.0');
    await refused(agreement({ predecessorId: h.world.partnerships.p2 }), 'predecessorId');
    await refused(agreement({ predecessorId: newId() }), 'predecessorId');
    await refused(agreement({ stakeholderIds: [organisations.wfbb] }), 'stakeholderIds.0');
    await refused(agreement({ colour: 'blue', status: 'active' }), 'colour', 'status');
    await refused(agreement({ title: '   ' }), 'title');
    await refused(agreement({ parties: [{ regionId: regions.rheinNeckar, organisationId: organisations.vrrn, networks: [{ name: '' }] }, { regionId: regions.flemishBrabant, organisationId: organisations.pfb }] }), 'parties.0.networks.0.name');
    expect(await tableCounts(h)).toEqual(before);
  });
});

describe('/api/partnerships: listing', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    ids = {};
    const make = async (key: string, overrides: Record<string, unknown>) => {
      const reply = await as.admin.post('/api/partnerships', agreement({ title: `Zeta ${key}`, ...overrides }));
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      ids[key] = reply.body.id;
    };
    await make('alpha', { startsOn: '2020-01-01', endsOn: '2023-12-31', signedOn: '2019-12-01' }); // ended
    await make('bravo', { startsOn: '2023-01-01', endsOn: '2025-12-31', signedOn: '2022-12-01' }); // active
    await make('charlie', { startsOn: '2023-01-01', endsOn: null, signedOn: '2022-12-01', domainIds: ['domain-tourism'] }); // active, open end
    await make('delta', { startsOn: '2023-01-01', endsOn: '2026-12-31', signedOn: '2022-12-01', noticeSentOn: '2024-03-01' }); // in notice
    await make('echo', { startsOn: '2023-01-01', endsOn: '2027-06-30', signedOn: '2022-12-01' }); // active
    await make('foxtrot', {}); // draft
    await make('golf', {
      startsOn: '2023-01-01',
      endsOn: '2024-06-30',
      signedOn: '2022-12-01',
      parties: [
        { regionId: h.world.regions.rheinNeckar, organisationId: h.world.organisations.vrrn },
        { regionId: h.world.regions.flemishBrabant, organisationId: h.world.organisations.pfb },
        { regionId: h.world.regions.rheinNeckar, organisationId: stakeholder }
      ]
    }); // active, three parties
  });

  const titles = (reply: { body: { items: { title: string }[] } }) => reply.body.items.map((p) => p.title.replace('Zeta ', ''));

  async function walk(path: string, user: UserKey = 'admin'): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const reply: { status: number; body: { items: { title: string }[]; nextCursor: string | null } } = await as[user].get(`${path}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(reply.status).toBe(200);
      seen.push(...titles(reply));
      cursor = reply.body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('too many pages');
  }

  it('pages by title, both ways, with a cursor that resumes exactly', async () => {
    expect(await walk('/api/partnerships?q=zeta&limit=3')).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf']);
    expect(await walk('/api/partnerships?q=zeta&limit=2&sort=-title')).toEqual(['golf', 'foxtrot', 'echo', 'delta', 'charlie', 'bravo', 'alpha']);
  });

  it('sorts by end date with open-ended agreements last', async () => {
    expect(await walk('/api/partnerships?q=zeta&limit=2&sort=endsOn')).toEqual(['alpha', 'golf', 'bravo', 'delta', 'echo', 'foxtrot', 'charlie']);
    expect(await walk('/api/partnerships?q=zeta&limit=4&sort=-endsOn')).toEqual(['charlie', 'foxtrot', 'echo', 'delta', 'bravo', 'golf', 'alpha']);
  });

  it('filters by derived status without losing or repeating items across pages', async () => {
    expect(await walk('/api/partnerships?q=zeta&status=active&limit=1')).toEqual(['bravo', 'charlie', 'echo', 'golf']);
    expect(await walk('/api/partnerships?q=zeta&status=active&limit=3&sort=-endsOn')).toEqual(['charlie', 'echo', 'bravo', 'golf']);
    expect(await walk('/api/partnerships?q=zeta&status=in_notice&limit=1')).toEqual(['delta']);
    expect(await walk('/api/partnerships?q=zeta&status=ended')).toEqual(['alpha']);
    expect(await walk('/api/partnerships?q=zeta&status=draft&limit=10')).toEqual(['foxtrot']);
    const last = await as.admin.get('/api/partnerships?q=zeta&status=active&limit=4');
    expect(last.body.nextCursor).toBeNull();
  });

  it('filters by region, organisation (party or stakeholder), domain and title words', async () => {
    expect(await walk(`/api/partnerships?q=zeta&domainId=domain-tourism`)).toEqual(['charlie']);
    expect(await walk(`/api/partnerships?q=zeta&organisationId=${stakeholder}`)).toEqual(['golf']);
    expect(await walk(`/api/partnerships?organisationId=${h.world.organisations.wfbb}`, 'sysadmin')).toEqual(['Regio.hub Berlin-Brandenburg']);
    expect(await walk(`/api/partnerships?regionId=${h.world.regions.berlin}`, 'sysadmin')).toEqual(['Regio.hub Berlin-Brandenburg']);
    expect(await walk(`/api/partnerships?regionId=${h.world.regions.berlin}`, 'admin')).toEqual([]);
    expect(await walk('/api/partnerships?q=flem%20brab', 'viewer')).toEqual(['Rhein-Neckar – Flemish Brabant']);
    expect(await walk('/api/partnerships?q=ZETA%20"golf', 'admin')).toEqual(['golf']);
    expect(await walk('/api/partnerships?q=zeta%20nothing', 'admin')).toEqual([]);
    // only the caller's partnerships, even for matching words
    expect(await walk('/api/partnerships?q=zeta', 'outsider')).toEqual([]);
  });

  it('shows the figures of a partnership in notice', async () => {
    const delta = await as.admin.get(`/api/partnerships/${ids.delta}`);
    expect(delta.body).toMatchObject({ status: 'in_notice', noticeSentOn: '2024-03-01', terminationEffectiveOn: '2024-09-01', effectiveEndOn: '2024-09-01', daysUntilEnd: 109 });
  });

  it('refuses bad list queries', async () => {
    expectProblem(await as.admin.get('/api/partnerships?status=paused'), 400, 'query.status');
    expectProblem(await as.admin.get('/api/partnerships?sort=signedOn'), 400, 'query.sort');
    expectProblem(await as.admin.get('/api/partnerships?cursor=nonsense'), 400, 'query.cursor');
    expectProblem(await as.admin.get('/api/partnerships?limit=0'), 400, 'query.limit');
  });
});

describe('/api/partnerships: changing', () => {
  it('lets admins and officers change it, with If-Match; a stale version gets 412 with the current record', async () => {
    const id = (await as.admin.post('/api/partnerships', agreement({ title: 'If-Match test' }))).body.id;
    await as.admin.put(`/api/partnerships/${id}/members`, { userId: h.world.users.officer.id, role: 'officer' });
    const ok = await as.officer.patch(`/api/partnerships/${id}`, { noticeSentOn: '2025-02-01', obligations: { workPlanMonth: 11 } }, { ifMatch: '"1"' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body).toMatchObject({ noticeSentOn: '2025-02-01', terminationEffectiveOn: '2025-08-01', obligations: { workPlanMonth: 11, evaluationMonth: 11, visitsPerYear: 1 } });
    const stale = await as.admin.patch(`/api/partnerships/${id}`, { title: 'Too late' }, { ifMatch: '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ title: 'If-Match test', version: 2 });
    expectProblem(await as.admin.patch(`/api/partnerships/${id}`, { title: 'x' }, { ifMatch: 'yesterday' }), 400, 'If-Match');
    const rows = (await auditRows(id)).filter((r) => !r.before?.includes('"member"'));
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(JSON.parse(rows[1]!.before!).noticeSentOn).toBeNull();
    expect(JSON.parse(rows[1]!.after!).noticeSentOn).toBe('2025-02-01');
  });

  it('replaces parties, keeping the party id of an organisation that stays', async () => {
    const created = (await as.admin.post('/api/partnerships', agreement({ title: 'Parties test' }))).body;
    const { regions, organisations } = h.world;
    const changed = await as.admin.patch(`/api/partnerships/${created.id}`, {
      parties: [
        { regionId: regions.flemishBrabant, organisationId: organisations.pfb, contactPersonId: people.pfbContact, networks: [{ name: 'Vlaanderen in Europa' }] },
        { regionId: regions.rheinNeckar, organisationId: stakeholder }
      ]
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.parties[0]).toMatchObject({ id: created.parties[1].id, organisationName: 'Provincie Vlaams-Brabant', contactPersonName: 'Joke Peeters', networks: [{ name: 'Vlaanderen in Europa', since: null }] });
    expect(changed.body.parties[1].organisationName).toBe('BioRN Cluster');
    expect(changed.body.parties.map((p: { id: string }) => p.id)).not.toContain(created.parties[0].id);
  });

  it('refuses editors and viewers (403) and outsiders (404), and bad changes with paths, changing nothing', async () => {
    const p1 = h.world.partnerships.p1;
    const before = await tableCounts(h);
    expectProblem(await as.editor.patch(`/api/partnerships/${p1}`, { title: 'Edited' }), 403);
    expectProblem(await as.viewer.patch(`/api/partnerships/${p1}`, { title: 'Viewed' }), 403);
    expectProblem(await as.outsider.patch(`/api/partnerships/${p1}`, { title: 'Outside' }), 404);
    expectProblem(await as.admin.patch(`/api/partnerships/${p1}`, { endsOn: '2020-12-31' }), 400, 'endsOn');
    expectProblem(await as.admin.patch(`/api/partnerships/${p1}`, { noticeMonths: null, noticeSentOn: '2024-05-01' }), 400, 'noticeSentOn');
    expectProblem(await as.admin.patch(`/api/partnerships/${p1}`, { predecessorId: p1 }), 400, 'predecessorId');
    expectProblem(await as.admin.patch(`/api/partnerships/${p1}`, { parties: [] }), 400, 'parties');
    expectProblem(await as.admin.patch(`/api/partnerships/${p1}`, { title: null }), 400, 'title');
    expectProblem(await as.admin.patch(`/api/partnerships/${p1}`, { status: 'ended' }), 400, 'status');
    expect(await tableCounts(h)).toEqual(before);
    expect((await as.viewer.get(`/api/partnerships/${p1}`)).body.version).toBe(1);
  });
});

describe('/api/partnerships: the renewal chain', () => {
  it('links a renewal to its predecessor, refuses loops and second renewals, and protects the predecessor from deletion', async () => {
    const p1 = h.world.partnerships.p1;
    const renewal = await as.admin.post('/api/partnerships', agreement({ title: 'Renewal 2025–2028', predecessorId: p1 }));
    expect(renewal.status, JSON.stringify(renewal.body)).toBe(201);
    expect(renewal.body.predecessorId).toBe(p1);
    expect((await as.viewer.get(`/api/partnerships/${p1}`)).body.successorId).toBeNull(); // the viewer is not a member of the renewal
    expect((await as.admin.get(`/api/partnerships/${p1}`)).body.successorId).toBe(renewal.body.id);

    const third = (await as.admin.post('/api/partnerships', agreement({ title: 'Renewal 2029–2032', predecessorId: renewal.body.id }))).body;
    const before = await tableCounts(h);
    expectProblem(await as.admin.post('/api/partnerships', agreement({ title: 'A second renewal', predecessorId: p1 })), 400, 'predecessorId');
    expectProblem(await as.admin.patch(`/api/partnerships/${p1}`, { predecessorId: renewal.body.id }), 400, 'predecessorId');
    expectProblem(await as.admin.patch(`/api/partnerships/${p1}`, { predecessorId: third.id }), 400, 'predecessorId');
    expectProblem(await as.admin.delete(`/api/partnerships/${p1}`), 409);
    expectProblem(await as.admin.delete(`/api/partnerships/${renewal.body.id}`), 409);
    expect(await tableCounts(h)).toEqual(before);

    // a member of the renewal who cannot see the old agreement may still edit the renewal
    await as.admin.put(`/api/partnerships/${renewal.body.id}/members`, { userId: h.world.users.outsider.id, role: 'officer' });
    const outsiderView = await as.outsider.get(`/api/partnerships/${renewal.body.id}`);
    // the old agreement's id stays on the record; the next renewal is not the outsider's, so no successor shows
    expect(outsiderView.body).toMatchObject({ predecessorId: p1, successorId: null });
    const edited = await as.outsider.patch(`/api/partnerships/${renewal.body.id}`, { title: 'Renewal 2025–2028 (signed)', predecessorId: p1 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expectProblem(await as.outsider.patch(`/api/partnerships/${renewal.body.id}`, { predecessorId: third.id }), 400, 'predecessorId');

    // unlinking frees the predecessor
    expect((await as.admin.patch(`/api/partnerships/${third.id}`, { predecessorId: null })).body.predecessorId).toBeNull();
    expect((await as.admin.get(`/api/partnerships/${renewal.body.id}`)).body.successorId).toBeNull();
  });
});

describe('/api/partnerships: deleting', () => {
  it('lets the partnership admin or a system administrator delete, with If-Match, and records it', async () => {
    const created = (await as.admin.post('/api/partnerships', agreement({ title: 'To be deleted', domainIds: ['domain-culture'] }))).body;
    await as.admin.put(`/api/partnerships/${created.id}/members`, { userId: h.world.users.officer.id, role: 'officer' });
    expectProblem(await as.officer.delete(`/api/partnerships/${created.id}`), 403);
    expectProblem(await as.outsider.delete(`/api/partnerships/${created.id}`), 404);
    expectProblem(await as.admin.delete(`/api/partnerships/${created.id}`, { ifMatch: '"7"' }), 412);
    const deleted = await as.admin.delete(`/api/partnerships/${created.id}`, { ifMatch: '"1"' });
    expect(deleted.status).toBe(204);
    expectProblem(await as.admin.get(`/api/partnerships/${created.id}`), 404);
    expect((await firstRow(h, 'SELECT count(*) AS n FROM memberships WHERE partnership_id = ?', created.id))).toEqual({ n: 0 });
    const rows = (await auditRows(created.id));
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(rows[2]!.before!).title).toBe('To be deleted');
    expect(rows[2]!.after).toBeNull();

    const bySysadmin = (await as.admin.post('/api/partnerships', agreement({ title: 'Deleted by the system administrator' }))).body;
    expect((await as.sysadmin.delete(`/api/partnerships/${bySysadmin.id}`)).status).toBe(204);
  });
});

describe('/api/partnerships/:id/members', () => {
  it('lets the partnership admin list, add, change and remove members, each audited', async () => {
    const p1 = h.world.partnerships.p1;
    const list = await as.admin.get(`/api/partnerships/${p1}/members`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Admin', 'admin'],
      ['Editor', 'editor'],
      ['Officer', 'officer'],
      ['Viewer', 'viewer']
    ]);
    expect(list.body.items[0]).toMatchObject({ userId: h.world.users.admin.id, email: 'admin@test.regiodesk.eu', organisationName: 'Verband Region Rhein-Neckar' });

    const added = await as.admin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.outsider.id, role: 'viewer' });
    expect(added.status).toBe(200);
    expect(added.body.items.find((m: { userId: string }) => m.userId === h.world.users.outsider.id).role).toBe('viewer');
    expect((await as.outsider.get(`/api/partnerships/${p1}`)).body.memberRole).toBe('viewer');
    await as.admin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.outsider.id, role: 'editor' });
    const removed = await as.admin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.outsider.id, role: null });
    expect(removed.body.items.map((m: { userId: string }) => m.userId)).not.toContain(h.world.users.outsider.id);
    expectProblem(await as.outsider.get(`/api/partnerships/${p1}`), 404);

    const rows = (await auditRows(p1)).filter((r) => r.before?.includes('"member"'));
    expect(rows.map((r) => [JSON.parse(r.before!).member.role, JSON.parse(r.after!).member.role])).toEqual([
      [null, 'viewer'],
      ['viewer', 'editor'],
      ['editor', null]
    ]);
    expect(rows.every((r) => r.action === 'update' && r.entity_type === 'partnership' && r.actor_id === h.world.users.admin.id)).toBe(true);
  });

  it('refuses other members (403), outsiders (404), unknown users (400) and removing the last admin (409)', async () => {
    const p1 = h.world.partnerships.p1;
    const before = await tableCounts(h);
    expectProblem(await as.officer.get(`/api/partnerships/${p1}/members`), 403);
    expectProblem(await as.viewer.get(`/api/partnerships/${p1}/members`), 403);
    expectProblem(await as.officer.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.viewer.id, role: 'admin' }), 403);
    expectProblem(await as.outsider.get(`/api/partnerships/${p1}/members`), 404);
    expectProblem(await as.outsider.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.outsider.id, role: 'admin' }), 404);
    expectProblem(await as.admin.put(`/api/partnerships/${p1}/members`, { userId: newId(), role: 'viewer' }), 400, 'userId');
    expectProblem(await as.admin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.viewer.id, role: 'owner' }), 400, 'role');
    expectProblem(await as.admin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.viewer.id }), 400, 'role');
    expectProblem(await as.admin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.admin.id, role: 'officer' }), 409, 'role');
    expectProblem(await as.sysadmin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.admin.id, role: null }), 409, 'role');
    expect(await tableCounts(h)).toEqual(before);
  });

  it('lets a system administrator manage members, and an admin hand over the role', async () => {
    const p1 = h.world.partnerships.p1;
    expect((await as.sysadmin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.officer.id, role: 'admin' })).status).toBe(200);
    expect((await as.admin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.admin.id, role: 'officer' })).status).toBe(200);
    expectProblem(await as.admin.get(`/api/partnerships/${p1}/members`), 403);
    // put things back for the other tests
    expect((await as.officer.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.admin.id, role: 'admin' })).status).toBe(200);
    expect((await as.admin.put(`/api/partnerships/${p1}/members`, { userId: h.world.users.officer.id, role: 'officer' })).status).toBe(200);
  });
});

describe('/api/partnerships/:id/domains', () => {
  it('creates a domain of the partnership, chooses it, and shows it to members only', async () => {
    const p1 = h.world.partnerships.p1;
    const version = (await as.officer.get(`/api/partnerships/${p1}`)).body.version;
    const created = await as.officer.post(`/api/partnerships/${p1}/domains`, { code: 'Hydrogen-Valleys', labels: { en: 'Hydrogen valleys', de: 'Wasserstofftäler', nl: 'Waterstofvalleien' } }, { ifMatch: `"${version}"` });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ partnershipId: p1, number: null, code: 'hydrogen-valleys', labels: { de: 'Wasserstofftäler' } });
    const read = await as.viewer.get(`/api/partnerships/${p1}`);
    expect(read.body.version).toBe(version + 1);
    expect(read.body.domains.map((d: { code: string }) => d.code)).toContain('hydrogen-valleys');
    expect((await as.viewer.get('/api/domains')).body.items.map((d: { id: string }) => d.id)).toContain(created.body.id);
    expect((await as.outsider.get('/api/domains')).body.items.map((d: { id: string }) => d.id)).not.toContain(created.body.id);
    const rows = (await auditRows(p1));
    const last = rows[rows.length - 1]!;
    expect(JSON.parse(last.after!).domains.map((d: { code: string }) => d.code)).toContain('hydrogen-valleys');
    expect(JSON.parse(last.before!).domains.map((d: { code: string }) => d.code)).not.toContain('hydrogen-valleys');

    // another partnership cannot choose it
    expectProblem(await as.sysadmin.patch(`/api/partnerships/${h.world.partnerships.p2}`, { domainIds: [created.body.id] }), 400, 'domainIds.0');
    // this one can drop it and choose it again
    expect((await as.officer.patch(`/api/partnerships/${p1}`, { domainIds: ['domain-innovation'] })).body.domains.map((d: { code: string }) => d.code)).toEqual(['innovation']);
    expect((await as.officer.patch(`/api/partnerships/${p1}`, { domainIds: [created.body.id, 'domain-mobility'] })).body.domains.map((d: { code: string }) => d.code)).toEqual(['mobility', 'hydrogen-valleys']);
  });

  it('refuses used codes (409), bad input (400), editors (403) and outsiders (404)', async () => {
    const p1 = h.world.partnerships.p1;
    const labels = { en: 'Space', de: 'Raumfahrt', nl: 'Ruimtevaart' };
    const before = await tableCounts(h);
    expectProblem(await as.officer.post(`/api/partnerships/${p1}/domains`, { code: 'hydrogen-valleys', labels }), 409, 'code');
    expectProblem(await as.officer.post(`/api/partnerships/${p1}/domains`, { code: 'tourism', labels }), 409, 'code');
    expectProblem(await as.officer.post(`/api/partnerships/${p1}/domains`, { code: 'space travel!', labels: { en: 'Space' } }), 400, 'code');
    expectProblem(await as.officer.post(`/api/partnerships/${p1}/domains`, { code: 'space', labels: { en: 'Space' } }), 400, 'labels.de');
    expectProblem(await as.officer.post(`/api/partnerships/${p1}/domains`, { code: 'space', labels }, { ifMatch: '"1"' }), 412);
    expectProblem(await as.editor.post(`/api/partnerships/${p1}/domains`, { code: 'space', labels }), 403);
    expectProblem(await as.outsider.post(`/api/partnerships/${p1}/domains`, { code: 'space', labels }), 404);
    expect(await tableCounts(h)).toEqual(before);
    // the same code in another partnership is fine
    expect((await as.outsider.post(`/api/partnerships/${h.world.partnerships.p2}/domains`, { code: 'hydrogen-valleys', labels })).status).toBe(201);
  });
});
