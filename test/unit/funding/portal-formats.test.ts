/**
 * The portal's two file forms, record by record, with every oddity the
 * portal publishes: epoch milliseconds, midnight values meaning "a date",
 * several deadlines, forthcoming topics without one, list-wrapped values, a
 * budget overview as a JSON string, status codes that decide nothing,
 * tenders left out and broken records refused with a reason. Then the
 * streaming reader over whole files.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../api/platform/http/errors.js';
import { render } from '../../../api/platform/http/problem-words.js';
import {
  budgetOf,
  deadlineAt,
  fittedModel,
  momentFromEpochMs,
  momentFromText,
  PORTAL_CUT_OFF,
  type PortalOutcome,
  type PortalTopic,
  programmeMatcher,
  readGrantsTendersRecord,
  readSearchApiRecord,
  resolveDeadlines
} from '../../../api/funding/rules/portal-formats.js';
import { readPortalFile } from '../../../api/funding/services/portal-stream.js';

const BRUSSELS = { time: '17:00:00', zone: 'Europe/Brussels' };
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/portal/${name}`, import.meta.url), 'utf8'));
const bulk: unknown[] = fixture('grantsTenders.json').fundingData.GrantTenderObj;
const search: unknown[] = fixture('search-api.json').results;

function topicOf(outcome: PortalOutcome): PortalTopic {
  if (outcome.kind !== 'topic') throw new Error(`expected a topic, got ${outcome.kind}: ${render(outcome.said)}`);
  return outcome.topic;
}

const ms = (iso: string) => Date.parse(iso);
const grant = (fields: Record<string, unknown>) => ({ type: 1, identifier: 'HORIZON-CL5-2027-D3-01-05', title: 'Thin-film photovoltaics', ...fields });
const result = (metadata: Record<string, unknown>) => ({
  reference: 'X_T',
  metadata: { identifier: ['HORIZON-CL5-2027-D3-01-05'], title: ['Thin-film photovoltaics'], type: ['1'], ...metadata }
});
const deadlinesOf = (outcome: PortalOutcome, cutOff = BRUSSELS) => resolveDeadlines(topicOf(outcome).deadlines, cutOff);

describe('dates and times from the portal', () => {
  it('reads epoch milliseconds with a real time as that instant, not assumed', () => {
    const moment = momentFromEpochMs(ms('2027-04-15T15:00:00Z'));
    expect(moment).toEqual({ instant: '2027-04-15T15:00:00.000Z', date: null });
    expect(deadlineAt(moment!, BRUSSELS)).toEqual({ at: '2027-04-15T15:00:00.000Z', zone: 'Europe/Brussels', assumed: false });
  });

  it('reads epoch milliseconds given as a string of digits', () => {
    expect(momentFromEpochMs(String(ms('2027-03-30T00:00:00Z')))).toEqual({ instant: '2027-03-30T00:00:00.000Z', date: '2027-03-30' });
  });

  it('refuses seconds where milliseconds belong, and things that are no number', () => {
    expect(momentFromEpochMs(ms('2027-03-04T00:00:00Z') / 1000)).toBeNull();
    expect(momentFromEpochMs('15 April 2027')).toBeNull();
    expect(momentFromEpochMs(1.5e12 + 0.5)).toBeNull();
    expect(momentFromEpochMs(null)).toBeNull();
  });

  it('takes a midnight UTC value as a date at the programme’s cut-off, 17:00 Brussels, marked assumed', () => {
    const moment = momentFromEpochMs(ms('2027-04-15T00:00:00Z'))!;
    expect(moment.date).toBe('2027-04-15');
    // April: summer time, UTC+2
    expect(deadlineAt(moment, BRUSSELS)).toEqual({ at: '2027-04-15T15:00:00.000Z', zone: 'Europe/Brussels', assumed: true });
    // February: winter time, UTC+1
    expect(deadlineAt(momentFromEpochMs(ms('2027-02-18T00:00:00Z'))!, BRUSSELS).at).toBe('2027-02-18T16:00:00.000Z');
  });

  it('places an assumed 17:00 Brussels right across both DST Sundays of 2027', () => {
    const at = (date: string) => deadlineAt(momentFromText(date)!, BRUSSELS).at;
    expect(at('2027-03-27')).toBe('2027-03-27T16:00:00.000Z'); // Saturday, still CET
    expect(at('2027-03-28')).toBe('2027-03-28T15:00:00.000Z'); // clocks went forward at 02:00
    expect(at('2027-10-30')).toBe('2027-10-30T15:00:00.000Z'); // Saturday, still CEST
    expect(at('2027-10-31')).toBe('2027-10-31T16:00:00.000Z'); // clocks went back at 03:00
  });

  it('takes midnight in Brussels (22:00 or 23:00 UTC the day before) as that Brussels date', () => {
    expect(momentFromEpochMs(ms('2027-09-23T22:00:00Z'))!.date).toBe('2027-09-24');
    expect(momentFromText('2027-09-23T22:00:00.000+0000')!.date).toBe('2027-09-24');
    expect(momentFromText('2027-01-27T23:00:00.000+0000')!.date).toBe('2027-01-28');
    expect(deadlineAt(momentFromText('2027-01-27T23:00:00.000+0000')!, BRUSSELS).at).toBe('2027-01-28T16:00:00.000Z');
  });

  it('uses the programme’s own cut-off when it has one (Interreg: 12:00 Brussels; RegioWIN: 16:00 Berlin)', () => {
    const moment = momentFromText('2027-04-15T00:00:00.000+0000')!;
    expect(deadlineAt(moment, { time: '12:00:00', zone: 'Europe/Brussels' }).at).toBe('2027-04-15T10:00:00.000Z');
    expect(deadlineAt(momentFromText('2020-12-18')!, { time: '16:00', zone: 'Europe/Berlin' })).toEqual({
      at: '2020-12-18T15:00:00.000Z',
      zone: 'Europe/Berlin',
      assumed: true
    });
  });

  it('reads the search API’s offsets without a colon and keeps a real time', () => {
    expect(momentFromText('2027-04-15T17:00:00.000+0200')).toEqual({ instant: '2027-04-15T15:00:00.000Z', date: null });
    expect(momentFromText('2027-04-15T00:00:00.000+0000')).toEqual({ instant: '2027-04-15T00:00:00.000Z', date: '2027-04-15' });
  });

  it('refuses a time without a zone, a day-first date and nonsense', () => {
    expect(momentFromText('2027-04-15T17:00:00')).toBeNull();
    expect(momentFromText('15/04/2027')).toBeNull();
    expect(momentFromText('2027-02-30')).toBeNull();
    expect(momentFromText(20270415)).toBeNull();
  });

  it('any instant is either a date (midnight somewhere the portal means it) or keeps its exact instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: ms('2000-01-02T00:00:00Z'), max: ms('2099-12-30T00:00:00Z') }), (value) => {
        const moment = momentFromEpochMs(value)!;
        const resolved = deadlineAt(moment, BRUSSELS);
        if (moment.date === null) expect(resolved).toEqual({ at: new Date(value).toISOString(), zone: 'Europe/Brussels', assumed: false });
        else {
          expect(resolved.assumed).toBe(true);
          // 17:00 in Brussels is 15:00 or 16:00 UTC on that very date
          expect(resolved.at.slice(0, 10)).toBe(moment.date);
          expect(['15:00:00.000Z', '16:00:00.000Z']).toContain(resolved.at.slice(11));
        }
      })
    );
  });
});

describe('the bulk grantsTenders.json form', () => {
  it('reads a single-stage topic with its budget share, keywords and tags, and the topic page as link', () => {
    const topic = topicOf(readGrantsTendersRecord(bulk[0], 0));
    expect(topic).toMatchObject({
      identifier: 'HORIZON-CL5-2027-D3-01-05',
      title: 'Next-generation thin-film photovoltaic modules for building integration',
      callIdentifier: 'HORIZON-CL5-2027-D3-01',
      programme: { id: '43108390', abbreviation: 'HORIZON' },
      deadlineModel: 'single_stage',
      actionType: 'HORIZON Research and Innovation Actions',
      // only this topic's entry of the call-wide budget map (its ccm2Id), not the sibling topic's
      budgetCents: 1_200_000_000,
      expectedGrants: 3,
      minContributionCents: 350_000_000,
      maxContributionCents: 400_000_000,
      keywords: ['Photovoltaics', 'Renewable energy', 'Buildings', 'BIPV'],
      link: 'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/horizon-cl5-2027-d3-01-05',
      portalStatus: 'open'
    });
    expect(deadlinesOf(readGrantsTendersRecord(bulk[0], 0))).toEqual([{ position: 0, at: '2027-04-15T15:00:00.000Z', zone: 'Europe/Brussels', assumed: false }]);
    expect(topic.opening).toEqual({ instant: '2026-12-15T00:00:00.000Z', date: '2026-12-15' });
  });

  it('reads both stages of a two-stage topic, each midnight value assumed at 17:00 Brussels in its own season', () => {
    const outcome = readGrantsTendersRecord(bulk[1], 1);
    expect(topicOf(outcome).deadlineModel).toBe('two_stage');
    expect(deadlinesOf(outcome)).toEqual([
      { position: 0, at: '2027-02-18T16:00:00.000Z', zone: 'Europe/Brussels', assumed: true },
      { position: 1, at: '2027-09-08T15:00:00.000Z', zone: 'Europe/Brussels', assumed: true }
    ]);
    // budget amounts given as strings, found by the action's identifier prefix; both years add up
    expect(topicOf(outcome)).toMatchObject({ budgetCents: 900_000_000, expectedGrants: 1, minContributionCents: 900_000_000 });
  });

  it('sorts the cut-offs of a multiple cut-off topic and drops a repeated one', () => {
    const outcome = readGrantsTendersRecord(bulk[2], 2);
    expect(topicOf(outcome).deadlineModel).toBe('multiple_cut_off');
    expect(deadlinesOf(outcome).map((d) => d.at)).toEqual(['2027-03-10T16:00:00.000Z', '2027-06-09T15:00:00.000Z', '2027-10-06T15:00:00.000Z']);
    // typesOfAction as objects; a budget map with one entry that names no topic is that topic's
    expect(topicOf(outcome)).toMatchObject({ actionType: 'HORIZON EIC Grants', budgetCents: 63_400_000_000, expectedGrants: 240 });
  });

  it('reads a forthcoming topic without deadlineDatesLong, or with an empty list, as having no deadline yet', () => {
    for (const i of [3, 4]) {
      const topic = topicOf(readGrantsTendersRecord(bulk[i], i));
      expect(topic.deadlines).toEqual([]);
      expect(topic.portalStatus).toBe('forthcoming');
      expect(topic.opening).not.toBeNull();
    }
  });

  it('keeps the portal’s status only for reference: a "Closed" topic with a future deadline is read like any other', () => {
    const closed = topicOf(readGrantsTendersRecord(bulk[10], 10));
    expect(closed.portalStatus).toBe('closed');
    expect(closed.deadlines).toHaveLength(1);
    const open = topicOf(readGrantsTendersRecord(bulk[12], 12));
    expect(open.portalStatus).toBe('open');
    expect(open.deadlines[0]!.instant < '2026-01-01').toBe(true);
  });

  it('reads a deadline model written "Single Stage"', () => {
    expect(topicOf(readGrantsTendersRecord(bulk[13], 13)).deadlineModel).toBe('single_stage');
  });

  it('leaves a call for tenders and other record types out, saying why', () => {
    expect(readGrantsTendersRecord(bulk[6], 6)).toEqual({
      kind: 'skipped',
      index: 6,
      identifier: 'EISMEA/2027/OP/0003',
      path: 'fundingData.GrantTenderObj.6.type',
      said: { key: 'problems_funding_import_tender', params: {} }
    });
    const other = readGrantsTendersRecord(bulk[7], 7);
    expect(other).toMatchObject({ kind: 'skipped', said: { key: 'problems_funding_import_otherType', params: { type: '8' } } });
    if (other.kind === 'topic') throw new Error('a record of type 8 is no topic');
    expect(render(other.said)).toBe('Only grant topics (type 1) are imported; this is a record of type 8.');
    expect(render(other.said, 'de')).toBe('Nur Förderthemen (Typ 1) werden importiert; dies ist ein Datensatz vom Typ 8.');
  });

  it('refuses a record without identifier, and one with seconds for milliseconds, naming the place', () => {
    expect(readGrantsTendersRecord(bulk[8], 8)).toMatchObject({ kind: 'invalid', identifier: null, path: 'fundingData.GrantTenderObj.8.identifier' });
    expect(readGrantsTendersRecord(bulk[9], 9)).toEqual({
      kind: 'invalid',
      index: 9,
      identifier: 'ERASMUS-EDU-2027-PI-ALL-INNO',
      path: 'fundingData.GrantTenderObj.9.deadlineDatesLong.0',
      said: { key: 'problems_funding_import_notDeadline', params: { value: '1804118400' } }
    });
  });

  it('refuses records that are not objects, have no type or no title, or whose deadlines are no list', () => {
    expect(readGrantsTendersRecord('HORIZON', 0)).toMatchObject({ kind: 'invalid', path: 'fundingData.GrantTenderObj.0' });
    expect(readGrantsTendersRecord([grant({})], 0)).toMatchObject({ kind: 'invalid' });
    expect(readGrantsTendersRecord(grant({ type: undefined }), 0)).toMatchObject({ kind: 'invalid', path: 'fundingData.GrantTenderObj.0.type' });
    expect(readGrantsTendersRecord(grant({ title: '   ' }), 0)).toMatchObject({ kind: 'invalid', path: 'fundingData.GrantTenderObj.0.title' });
    expect(readGrantsTendersRecord(grant({ deadlineDatesLong: 1807801200000 }), 0)).toMatchObject({ kind: 'invalid', path: 'fundingData.GrantTenderObj.0.deadlineDatesLong' });
    expect(readGrantsTendersRecord(grant({ plannedOpeningDateLong: 'soon' }), 0)).toMatchObject({ kind: 'invalid', path: 'fundingData.GrantTenderObj.0.plannedOpeningDateLong' });
  });

  it('warns, and still imports, when the budget or the deadline model cannot be read as given', () => {
    const outcome = readGrantsTendersRecord(
      grant({ deadlineModel: 'two-stage', deadlineDatesLong: [ms('2027-04-15T15:00:00Z')], budgetOverviewJSONItem: { budgetTopicActionMap: { 1: [{ action: 'HORIZON-CL5-2027-D3-01-05', budgetYearMap: { 2027: 'lots' } }] } } }),
      0
    );
    expect(outcome.kind).toBe('topic');
    if (outcome.kind !== 'topic') return;
    expect(outcome.topic.deadlineModel).toBe('single_stage');
    expect(outcome.topic.budgetCents).toBeNull();
    expect(outcome.warnings.map((w) => w.path)).toEqual(['fundingData.GrantTenderObj.0.deadlineModel', 'fundingData.GrantTenderObj.0.budgetOverviewJSONItem']);
  });

  it('collapses white space in titles and keeps the first spelling of a keyword', () => {
    const topic = topicOf(readGrantsTendersRecord(grant({ title: ' Thin-film\n  photovoltaics ', keywords: ['Solar', 'solar ', ''], tags: ['SOLAR', 'PV'] }), 0));
    expect(topic.title).toBe('Thin-film photovoltaics');
    expect(topic.keywords).toEqual(['Solar', 'PV']);
  });
});

describe('the search API form', () => {
  it('unwraps every list-wrapped value and parses budgetOverview, a JSON string, again', () => {
    const outcome = readSearchApiRecord(search[0], 0);
    expect(topicOf(outcome)).toMatchObject({
      identifier: 'HORIZON-CL5-2027-D3-01-05',
      title: 'Next-generation thin-film photovoltaic modules for building integration',
      programme: { id: '43108390', abbreviation: null },
      deadlineModel: 'single_stage',
      budgetCents: 1_200_000_000,
      expectedGrants: 3,
      maxContributionCents: 400_000_000,
      actionType: 'HORIZON Research and Innovation Actions'
    });
    // the same topic from the bulk file reads the same
    const { programme: _a, ...fromSearch } = topicOf(outcome);
    const { programme: _b, ...fromBulk } = topicOf(readGrantsTendersRecord(bulk[0], 0));
    expect(fromSearch).toEqual(fromBulk);
  });

  it('reads "2027-04-15T00:00:00.000+0000" as a date: 17:00 Brussels, assumed', () => {
    expect(deadlinesOf(readSearchApiRecord(search[1], 1))).toEqual([{ position: 0, at: '2027-04-15T15:00:00.000Z', zone: 'Europe/Brussels', assumed: true }]);
  });

  it('reads several deadlineDate values: two stages, and cut-offs given out of order with offsets', () => {
    expect(deadlinesOf(readSearchApiRecord(search[2], 2)).map((d) => [d.at, d.assumed])).toEqual([
      ['2027-01-28T16:00:00.000Z', true],
      ['2027-09-09T15:00:00.000Z', true]
    ]);
    expect(deadlinesOf(readSearchApiRecord(search[5], 5)).map((d) => [d.at, d.assumed])).toEqual([
      ['2027-02-24T16:00:00.000Z', false],
      ['2027-05-06T15:00:00.000Z', false],
      ['2027-11-17T16:00:00.000Z', false]
    ]);
  });

  it('reads a forthcoming result without deadlineDate', () => {
    const topic = topicOf(readSearchApiRecord(search[3], 3));
    expect(topic.deadlines).toEqual([]);
    expect(topic.opening?.date).toBe('2027-06-01');
  });

  it('maps the numeric status codes for reference and never lets them decide anything else', () => {
    const codes = { '31094501': 'forthcoming', '31094502': 'open', '31094503': 'closed', '99': null } as const;
    for (const [code, status] of Object.entries(codes)) {
      const topic = topicOf(readSearchApiRecord(result({ status: [code], deadlineDate: ['2027-04-15T17:00:00.000+0200'] }), 0));
      expect(topic.portalStatus).toBe(status);
      expect(topic.deadlines).toEqual([{ instant: '2027-04-15T15:00:00.000Z', date: null }]);
    }
  });

  it('warns about a budgetOverview string that is not JSON and imports the topic without a budget', () => {
    const outcome = readSearchApiRecord(search[4], 4);
    expect(outcome).toMatchObject({
      kind: 'topic',
      topic: { identifier: 'EU4H-2027-PJ-04', budgetCents: null },
      warnings: [{ path: 'results.4.metadata.budgetOverview.0', said: { key: 'problems_funding_import_budgetNotJson' } }]
    });
  });

  it('leaves tenders (type "2") and other types out with the reason', () => {
    expect(readSearchApiRecord(search[7], 7)).toMatchObject({ kind: 'skipped', path: 'results.7.metadata.type.0', identifier: 'EISMEA/2027/OP/0011' });
    expect(readSearchApiRecord(search[8], 8)).toMatchObject({ kind: 'skipped', path: 'results.8.metadata.type.0' });
  });

  it('refuses a result without metadata and one with a day-first deadline', () => {
    expect(readSearchApiRecord(search[9], 9)).toMatchObject({ kind: 'invalid', path: 'results.9.metadata', said: { key: 'problems_funding_import_noMetadata' } });
    expect(readSearchApiRecord(search[10], 10)).toMatchObject({
      kind: 'invalid',
      identifier: 'INTERREG-NWE-2027-CALL-02',
      path: 'results.10.metadata.deadlineDate.0',
      said: { key: 'problems_funding_import_notDeadline', params: { value: '"15/04/2027"' } }
    });
  });

  it('takes a bare value where a list was expected', () => {
    const topic = topicOf(readSearchApiRecord({ metadata: { identifier: 'LIFE-2027-X', title: 'Bare', type: 1, deadlineDate: '2027-04-15' } }, 0));
    expect(topic).toMatchObject({ identifier: 'LIFE-2027-X', title: 'Bare', deadlines: [{ date: '2027-04-15' }] });
  });
});

describe('budget shares and models', () => {
  it('finds the topic’s share by ccm2 id, else by the action’s identifier prefix, else the only entry', () => {
    const map = {
      budgetTopicActionMap: {
        '11': [{ action: 'A-01 - RIA', budgetYearMap: { '2027': 1000 }, expectedGrants: 1 }],
        '12': [{ action: 'A-02 - IA', budgetYearMap: { '2027': 2000, '2028': 500 }, expectedGrants: 2 }]
      }
    };
    expect(budgetOf(map, 'A-01', '11').budget.budgetCents).toBe(100_000);
    expect(budgetOf(map, 'A-02', null).budget.budgetCents).toBe(250_000);
    expect(budgetOf(map, 'A-03', null)).toMatchObject({ budget: { budgetCents: null }, problem: { key: 'problems_funding_import_budgetNoAction' } });
    expect(budgetOf({ budgetTopicActionMap: { '9': [{ action: 'Something', budgetYearMap: { '2027': '300' } }] } }, 'A-03', null).budget.budgetCents).toBe(30_000);
    expect(budgetOf(undefined, 'A-01', null)).toEqual({ budget: { budgetCents: null, expectedGrants: null, minContributionCents: null, maxContributionCents: null }, problem: null });
  });

  it('fits the model to the number of deadlines', () => {
    expect(fittedModel('two_stage', 2)).toBe('two_stage');
    expect(fittedModel('two_stage', 1)).toBe('single_stage');
    expect(fittedModel('single_stage', 3)).toBe('multiple_cut_off');
    expect(fittedModel('multiple_cut_off', 1)).toBe('single_stage');
    expect(fittedModel('two_stage', 0)).toBe('two_stage');
  });
});

describe('programme of a topic', () => {
  const catalogue = [{ code: 'HORIZON' }, { code: 'HORIZON-JTI-CLEANH2' }, { code: 'LIFE' }, { code: 'ERASMUS' }, { code: 'SMP' }, { code: 'COSME' }];
  const match = programmeMatcher(catalogue);
  const topic = (identifier: string, programme: PortalTopic['programme'] = { id: null, abbreviation: null }) =>
    ({ ...topicOf(readGrantsTendersRecord(grant({}), 0)), identifier, programme }) as PortalTopic;

  it('takes the longest catalogue code the identifier starts with', () => {
    expect(match(topic('HORIZON-CL5-2027-D3-01-05'))?.code).toBe('HORIZON');
    expect(match(topic('HORIZON-JTI-CLEANH2-2027-01-02'))?.code).toBe('HORIZON-JTI-CLEANH2');
    expect(match(topic('SMP-COSME-2027-CLUSTER-01'))?.code).toBe('SMP');
    expect(match(topic('HORIZONTAL-2027-01'))).toBeNull();
  });

  it('falls back on the framework programme the file names, by abbreviation or by the search API’s id', () => {
    expect(match(topic('ERASMUS2027-X', { id: '43353764', abbreviation: 'ERASMUS2027' }))?.code).toBe('ERASMUS');
    expect(match(topic('EIC-2027-X', { id: '43108390', abbreviation: null }))?.code).toBe('HORIZON');
    expect(match(topic('EDF-2027-DA-SPACE-SSA', { id: '44181033', abbreviation: 'EDF' }))).toBeNull();
  });
});

async function* chunks(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function readAll(text: string, size = 7) {
  const records: { format: string; index: number; value: unknown }[] = [];
  const iterator = readPortalFile(chunks(text, size));
  for (;;) {
    const step = await iterator.next();
    if (step.done) return { records, format: step.value };
    records.push(step.value);
  }
}

async function failure(text: string): Promise<ValidationFailed> {
  try {
    await readAll(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    return error as ValidationFailed;
  }
  throw new Error('expected the file to be refused');
}

describe('reading a whole file as a stream', () => {
  it('hands back each record of either form in file order, whatever the chunk size, multi-byte characters included', async () => {
    for (const size of [1, 3, 64, 100_000]) {
      const file = await readAll(readFileSync(new URL('../../fixtures/portal/grantsTenders.json', import.meta.url), 'utf8'), size);
      expect(file.format).toBe('grants-tenders');
      expect(file.records.map((r) => r.index)).toEqual(bulk.map((_, i) => i));
      expect(file.records.map((r) => r.value)).toEqual(bulk);
    }
    const file = await readAll(JSON.stringify({ totalResults: 1, results: [{ metadata: { title: ['Förderaufruf – “Région” 🇪🇺'] } }], facets: { results: [1] } }), 5);
    expect(file).toEqual({ format: 'search-api', records: [{ format: 'search-api', index: 0, value: { metadata: { title: ['Förderaufruf – “Région” 🇪🇺'] } } }] });
  });

  it('reads an empty list as a file with no records', async () => {
    expect(await readAll('{"fundingData":{"GrantTenderObj":[]}}')).toEqual({ format: 'grants-tenders', records: [] });
  });

  it('refuses broken JSON, a cut-off file, an empty body, a list, and JSON that is neither form', async () => {
    const broken = await failure('{"results":[{"metadata":{}},]}');
    expect(broken.extra.errors).toEqual([{ path: '', key: 'problems_funding_field_notPortalFileNotJson', params: { error: expect.any(String), bytes: expect.any(Number) } }]);
    expect(broken.toJSON().errors?.[0]?.message).toMatch(/^the file is not valid JSON: .+ \(after \d+ bytes\)$/);
    expect((await failure('{"results":[{"metadata":{"identifier":["A"]}}')).detail).toContain('ends before its JSON is complete');
    expect((await failure('')).detail).toContain('empty');
    expect((await failure('[{"identifier":"A"}]')).detail).toContain('not a JSON object');
    expect((await failure('{"hits":[]}')).detail).toContain('neither fundingData.GrantTenderObj');
    expect((await failure('{"results":[]} {"results":[]}')).detail).toMatch(/after the end|not valid JSON/);
    expect((await failure('{"results":[], "fundingData":{"GrantTenderObj":[]}}')).detail).toContain('both');
  });
});
